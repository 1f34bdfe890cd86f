package org.kinship.ui.tracing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestService;

/** The tracing requests the user may see, newest first; opens one or starts a new one. */
@Route("tracing-requests")
@PermitAll
public class TracingRequestsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final TracingRequestService requests;
    private final PermissionService permissions;
    private final KinshipUser user;
    final Grid<TracingRequest> grid = new Grid<>();

    public TracingRequestsView(TracingRequestService requests, PermissionService permissions,
            AuthenticationContext authentication) {
        this.requests = requests;
        this.permissions = permissions;
        this.user = TracingAccess.user(authentication);
        setId("tracing-requests-view");
        Button create = new Button(getTranslation("tracing.requests.new"),
                click -> getUI().ifPresent(ui -> ui.navigate(TracingRequestCreateView.class)));
        create.setId("tracing-request-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(permissions.can(user, Resource.TRACING_REQUEST, Action.CREATE));
        grid.addColumn(TracingRequest::requestNumber).setHeader(getTranslation("tracing.requests.number"))
                .setAutoWidth(true);
        grid.addColumn(r -> String.valueOf(r.data().getOrDefault("inquirer_name", "")))
                .setHeader(getTranslation("tracing.requests.inquirer"));
        grid.addColumn(requests::soughtChildren).setHeader(getTranslation("tracing.requests.children"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.links().size()).setHeader(getTranslation("tracing.requests.linked")).setAutoWidth(true);
        grid.addColumn(r -> DAY.format(r.createdAt())).setHeader(getTranslation("tracing.requests.created"))
                .setAutoWidth(true);
        grid.addItemClickListener(click -> open(click.getItem()));
        add(new HorizontalLayout(new H2(getTranslation("tracing.requests.title")), create), grid);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (TracingAccess.allowedOrHidden(event, permissions, user, Resource.TRACING_REQUEST, Action.VIEW)) {
            refresh();
        }
    }

    void refresh() {
        grid.setItems(requests.list(user, 0, PAGE_SIZE).items());
    }

    List<TracingRequest> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    void open(TracingRequest request) {
        getUI().ifPresent(ui -> ui.navigate(TracingRequestView.class, new RouteParameters("id", request.id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tracing.requests.title");
    }
}

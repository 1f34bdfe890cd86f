package org.kinship.ui.tracing;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormVersion;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.tracing.InvalidTracingRequestException;
import org.kinship.tracing.TracingRefusedException;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestService;
import org.kinship.ui.forms.FormRenderer;
import org.kinship.ui.forms.FormRenderers;

/**
 * A new tracing request, filled with the published tracing request form; the server's validation puts each
 * problem next to its field.
 */
@Route("tracing-requests/new")
@PermitAll
public class TracingRequestCreateView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final TracingRequestService requests;
    private final FormRenderers renderers;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final Div problems = new Div();
    @Nullable FormRenderer form;

    public TracingRequestCreateView(TracingRequestService requests, FormRenderers renderers,
            PermissionService permissions, AuthenticationContext authentication) {
        this.requests = requests;
        this.renderers = renderers;
        this.permissions = permissions;
        this.user = TracingAccess.user(authentication);
        setId("tracing-request-create");
        problems.setId("tracing-request-problems");
        problems.addClassName("kinship-problems");
        add(new H2(getTranslation("tracing.create.title")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!TracingAccess.allowedOrHidden(event, permissions, user, Resource.TRACING_REQUEST, Action.CREATE)) {
            return;
        }
        FormVersion version;
        try {
            version = requests.publishedForm();
        } catch (TracingRefusedException e) {
            add(new Span(getTranslation(e.messageKey(), e.args())));
            return;
        }
        form = renderers.render(version.schema(), getLocale(), new RefusingAttachments());
        Button save = new Button(getTranslation("tracing.create.save"), click -> save());
        save.setId("tracing-request-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("tracing.create.cancel"),
                click -> getUI().ifPresent(ui -> ui.navigate(TracingRequestsView.class)));
        add(form, problems, new HorizontalLayout(save, cancel));
    }

    /** Saves the request; answers it, or null when the form shows problems. */
    @Nullable TracingRequest save() {
        if (form == null) {
            return null;
        }
        problems.removeAll();
        try {
            TracingRequest created = requests.create(user, form.getData(), getLocale());
            Notification.show(getTranslation("tracing.create.saved", created.requestNumber()));
            getUI().ifPresent(ui -> ui.navigate(TracingRequestView.class, new RouteParameters("id", created.id())));
            return created;
        } catch (InvalidTracingRequestException e) {
            List<FormProblem> unplaced = form.showProblems(e.problems());
            problems.add(new Span(getTranslation("tracing.create.invalid")));
            unplaced.forEach(problem -> problems.add(new Div(problem.message())));
            return null;
        }
    }

    String problemText() {
        return problems.getElement().getTextRecursively();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tracing.create.title");
    }
}

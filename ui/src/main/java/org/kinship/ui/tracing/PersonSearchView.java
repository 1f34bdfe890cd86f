package org.kinship.ui.tracing;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.PersonHit;
import org.kinship.tracing.ProfileKind;

/**
 * Name search over cases and tracing requests that finds other spellings and scripts ("Mustafa", "Moustapha",
 * "مصطفى"), within the user's scopes; a tracing request opens its view, a case its candidate matches.
 */
@Route("search/persons")
@PermitAll
public class PersonSearchView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final MatchReviewService review;
    private final PermissionService permissions;
    private final KinshipUser user;
    final TextField query = new TextField();
    final Grid<PersonHit> grid = new Grid<>();

    public PersonSearchView(MatchReviewService review, PermissionService permissions,
            AuthenticationContext authentication) {
        this.review = review;
        this.permissions = permissions;
        this.user = TracingAccess.user(authentication);
        setId("person-search-view");
        query.setLabel(getTranslation("tracing.search.query"));
        query.setId("person-search-query");
        Button search = new Button(getTranslation("tracing.search.search"), click -> search());
        search.setId("person-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        grid.addColumn(hit -> getTranslation("tracing.kind." + hit.kind().name()))
                .setHeader(getTranslation("tracing.search.kind")).setAutoWidth(true);
        grid.addColumn(PersonHit::recordNumber).setHeader(getTranslation("tracing.candidate.number")).setAutoWidth(true);
        grid.addColumn(hit -> String.join(" ", hit.names())).setHeader(getTranslation("tracing.candidate.names"));
        grid.addColumn(hit -> String.format(Locale.ROOT, "%.0f%%", hit.similarity() * 100))
                .setHeader(getTranslation("tracing.search.similarity")).setAutoWidth(true);
        grid.addItemClickListener(click -> open(click.getItem()));
        HorizontalLayout bar = new HorizontalLayout(query, search);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("tracing.search.title")), bar, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!permissions.can(user, Resource.TRACING_REQUEST, Action.VIEW)
                && !permissions.can(user, Resource.CASE, Action.VIEW)) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    void search() {
        if (query.getValue().isBlank()) {
            grid.setItems(List.of());
            return;
        }
        grid.setItems(review.searchPersons(user, query.getValue(), 50));
    }

    List<PersonHit> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    private void open(PersonHit hit) {
        RouteParameters id = new RouteParameters("id", hit.recordId());
        if (hit.kind() == ProfileKind.TRACING_REQUEST) {
            getUI().ifPresent(ui -> ui.navigate(TracingRequestView.class, id));
        } else {
            getUI().ifPresent(ui -> ui.navigate(CaseMatchesView.class, id));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tracing.search.title");
    }
}

package org.kinship.ui.tracing;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersionRef;
import org.kinship.security.KinshipUser;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestNotFoundException;
import java.util.List;

import org.kinship.tracing.TracingRequestService;
import org.kinship.ui.forms.FormRenderer;
import org.kinship.ui.forms.FormRenderers;

/** One tracing request (read only, in its form), the cases it is linked to and the candidates for review. */
@Route("tracing-requests/:id")
@PermitAll
public class TracingRequestView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final TracingRequestService requests;
    private final MatchReviewService review;
    private final ComparisonTexts.Lookups lookups;
    private final FormDefinitionService forms;
    private final FormRenderers renderers;
    private final KinshipUser user;
    private final Div links = new Div();
    @Nullable TracingRequest request;
    @Nullable CandidatesPanel candidates;

    public TracingRequestView(TracingRequestService requests, MatchReviewService review, FormDefinitionService forms,
            FormRenderers renderers, ComparisonTexts.Lookups lookups, AuthenticationContext authentication) {
        this.requests = requests;
        this.lookups = lookups;
        this.review = review;
        this.forms = forms;
        this.renderers = renderers;
        this.user = TracingAccess.user(authentication);
        setId("tracing-request-view");
        links.setId("tracing-request-links");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElseThrow(NotFoundException::new);
        try {
            request = requests.get(user, id);
        } catch (TracingRequestNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        FormRenderer form = renderers.render(forms.version(new FormVersionRef(request.formId(), request.formVersion()))
                .schema(), getLocale(), new RefusingAttachments());
        form.setData(request.data());
        form.setReadOnly(true);
        showLinks(request);
        String requestId = request.id();
        candidates = new CandidatesPanel(review, user, () -> review.forRequest(user, requestId), lookups,
                getTranslation("tracing.candidates.none"));
        add(new H2(getTranslation("tracing.view.title", request.requestNumber())), form,
                new H3(getTranslation("tracing.view.links")), links, candidates);
        candidates.refresh();
    }

    private void showLinks(TracingRequest shown) {
        links.removeAll();
        if (shown.links().isEmpty()) {
            links.add(getTranslation("tracing.view.noLinks"));
        }
        List<String> children = requests.soughtChildIds(shown);
        shown.links().forEach(link -> links.add(new Div(getTranslation("tracing.view.linkedTo", link.caseNumber(),
                children.indexOf(link.soughtChildId()) + 1))));
    }

    String linksText() {
        return links.getElement().getTextRecursively();
    }

    @Override
    public String getPageTitle() {
        return request == null ? getTranslation("tracing.requests.title")
                : getTranslation("tracing.view.title", request.requestNumber());
    }
}

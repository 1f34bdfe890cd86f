package org.kinship.ui.tracing;

import com.vaadin.flow.component.notification.Notification;
import org.kinship.cases.CaseMergeService;
import org.kinship.cases.CaseMergeService.MergePreview;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseRequestRefusedException;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.TracingRequestNotFoundException;

/** The tracing requests that may be looking for this case's child, for review; says so when consent is missing. */
@Route("cases/:id/matches")
@PermitAll
public class CaseMatchesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final MatchReviewService review;
    private final ComparisonTexts.Lookups lookups;
    private final CaseMergeService merges;
    private final KinshipUser user;
    @Nullable CandidatesPanel candidates;
    @Nullable CandidatesPanel duplicates;
    @Nullable MergeDialog mergeDialog;

    public CaseMatchesView(MatchReviewService review, CaseMergeService merges, ComparisonTexts.Lookups lookups,
            AuthenticationContext authentication) {
        this.review = review;
        this.lookups = lookups;
        this.merges = merges;
        this.user = TracingAccess.user(authentication);
        setId("case-matches-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String caseId = event.getRouteParameters().get("id").orElseThrow(NotFoundException::new);
        boolean consenting;
        try {
            consenting = review.consentsToTracing(user, caseId);
        } catch (TracingRequestNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H2(getTranslation("tracing.caseMatches.title")));
        if (!consenting) {
            Span noConsent = new Span(getTranslation("tracing.candidates.noConsent"));
            noConsent.setId("tracing-no-consent");
            add(noConsent);
        }
        candidates = new CandidatesPanel(review, user, () -> review.forCase(user, caseId), lookups,
                getTranslation("tracing.candidates.none"));
        add(candidates);
        candidates.refresh();
        duplicates = new CandidatesPanel(review, user, () -> review.duplicatesOf(user, caseId), lookups,
                getTranslation("tracing.caseDuplicates.none"), getTranslation("tracing.caseDuplicates.title"));
        duplicates.setId("tracing-case-duplicates");
        duplicates.grid.setId("tracing-duplicate-grid");
        duplicates.comparison.setId("tracing-duplicate-comparison");
        duplicates.confirm.setId("tracing-duplicate-confirm");
        duplicates.reject.setId("tracing-duplicate-reject");
        duplicates.mergeWith(candidate -> openMerge(caseId, candidate.recordId()));
        add(duplicates);
        duplicates.refresh();
    }

    /** The side-by-side merge of {@code duplicateId} into the case; refused merges are told in a notification. */
    void openMerge(String caseId, String duplicateId) {
        MergePreview preview;
        try {
            preview = merges.preview(user, caseId, duplicateId);
        } catch (CaseRequestRefusedException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
            return;
        } catch (CaseNotFoundException e) {
            Notification.show(getTranslation("cases.notFound"));
            return;
        }
        mergeDialog = new MergeDialog(merges, user, preview);
        mergeDialog.addOpenedChangeListener(opened -> {
            if (!opened.isOpened() && duplicates != null) {
                duplicates.refresh();
            }
        });
        mergeDialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tracing.caseMatches.title");
    }
}

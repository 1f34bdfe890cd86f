package org.kinship.ui.tracing;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionService;
import org.kinship.tracing.DuplicatePair;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.MatchingJob;
import org.kinship.tracing.MatchingJobService;
import org.kinship.tracing.TracingRefusedException;

/**
 * The batch duplicate scan for administrators: start it, watch its progress, and review the pairs of cases
 * found (case numbers and how each field agrees, no values): mark a pair as duplicates or as different
 * children (with a comment).
 */
@Route("admin/duplicates")
@PermitAll
public class DuplicateScanView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAIRS = 200;

    private final MatchReviewService review;
    private final MatchingJobService jobs;
    private final PermissionService permissions;
    private final KinshipUser user;
    final Grid<DuplicatePair> grid = new Grid<>();
    final TextField comment = new TextField();
    private final JobProgress progress;

    public DuplicateScanView(MatchReviewService review, MatchingJobService jobs, PermissionService permissions,
            AuthenticationContext authentication) {
        this.review = review;
        this.jobs = jobs;
        this.permissions = permissions;
        this.user = TracingAccess.user(authentication);
        setId("duplicate-scan-view");
        Button scan = new Button(getTranslation("tracing.duplicates.scan"), click -> scan());
        scan.setId("duplicate-scan-start");
        scan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        progress = new JobProgress(() -> jobs.progress(user, MatchingJob.Kind.DUPLICATE_SCAN), this::refresh);
        grid.setId("duplicate-pairs");
        grid.addColumn(DuplicatePair::leftCaseNumber).setHeader(getTranslation("tracing.duplicates.left"))
                .setAutoWidth(true);
        grid.addColumn(DuplicatePair::rightCaseNumber).setHeader(getTranslation("tracing.duplicates.right"))
                .setAutoWidth(true);
        grid.addColumn(p -> String.format(Locale.ROOT, "%.1f", p.score()))
                .setHeader(getTranslation("tracing.candidate.score")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("tracing.label." + p.label().name()))
                .setHeader(getTranslation("tracing.candidate.label")).setAutoWidth(true);
        for (MatchField field : MatchField.values()) {
            grid.addColumn(p -> p.agreements().containsKey(field)
                    ? getTranslation("tracing.agreement." + p.agreements().get(field).name()) : "")
                    .setHeader(getTranslation("tracing.field." + field.name())).setAutoWidth(true);
        }
        comment.setLabel(getTranslation("tracing.review.comment"));
        comment.setWidth("24em");
        Button mark = new Button(getTranslation("tracing.duplicates.mark"), click -> mark(selected()));
        mark.setId("duplicate-mark");
        Button dismiss = new Button(getTranslation("tracing.duplicates.dismiss"), click -> dismiss(selected()));
        dismiss.setId("duplicate-dismiss");
        HorizontalLayout actions = new HorizontalLayout(comment, mark, dismiss);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("tracing.duplicates.title")), new Paragraph(getTranslation("tracing.duplicates.help")),
                new HorizontalLayout(scan, progress), grid, actions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!TracingAccess.matchingAdministrator(permissions, user)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        refresh();
    }

    void scan() {
        try {
            jobs.start(user, MatchingJob.Kind.DUPLICATE_SCAN);
        } catch (TracingRefusedException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
        }
        progress.refresh();
    }

    void refresh() {
        grid.setItems(review.duplicatePairs(user, PAIRS));
    }

    List<DuplicatePair> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    private @Nullable DuplicatePair selected() {
        return grid.asSingleSelect().getValue();
    }

    void mark(@Nullable DuplicatePair pair) {
        if (pair != null) {
            act(() -> review.confirm(user, pair.matchId(), comment.getValue()), "tracing.duplicates.marked");
        }
    }

    void dismiss(@Nullable DuplicatePair pair) {
        if (pair == null) {
            return;
        }
        if (comment.getValue().isBlank()) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation("tracing.match.commentRequired"));
            return;
        }
        act(() -> review.reject(user, pair.matchId(), comment.getValue()), "tracing.duplicates.dismissed");
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            comment.clear();
            comment.setInvalid(false);
            Notification.show(getTranslation(doneKey));
        } catch (TracingRefusedException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
        }
        refresh();
    }

    String progressText() {
        progress.refresh();
        return progress.text();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tracing.duplicates.title");
    }
}

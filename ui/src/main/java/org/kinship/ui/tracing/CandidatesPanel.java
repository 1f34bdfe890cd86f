package org.kinship.ui.tracing;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.tracing.CandidateView;
import org.kinship.tracing.FieldComparison;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.ProfileKind;
import org.kinship.tracing.ReviewState;
import org.kinship.tracing.TracingRefusedException;

/**
 * The candidates of a tracing request or a case with score and label; the selected one is compared field by
 * field (agrees, partly agrees, conflicts, missing) beside the searched record and can be confirmed or rejected
 * (a rejection needs a comment).
 */
class CandidatesPanel extends Composite<VerticalLayout> {

    private final MatchReviewService review;
    private final KinshipUser user;
    private final Supplier<List<CandidateView>> candidates;
    final Grid<CandidateView> grid = new Grid<>();
    final Grid<FieldComparison> comparison = new Grid<>();
    final TextArea comment = new TextArea();
    final Button confirm = new Button();
    final Button reject = new Button();
    final Button merge = new Button();
    private @Nullable Consumer<CandidateView> merger;
    private final Span empty = new Span();
    private final VerticalLayout detail = new VerticalLayout();
    private @Nullable CandidateView selected;
    private final ComparisonTexts.Lookups lookups;
    private @Nullable ComparisonTexts texts;

    CandidatesPanel(MatchReviewService review, KinshipUser user, Supplier<List<CandidateView>> candidates,
            ComparisonTexts.Lookups lookups, String emptyText) {
        this(review, user, candidates, lookups, emptyText, null);
    }

    CandidatesPanel(MatchReviewService review, KinshipUser user, Supplier<List<CandidateView>> candidates,
            ComparisonTexts.Lookups lookups, String emptyText, @Nullable String title) {
        this.review = review;
        this.lookups = lookups;
        this.user = user;
        this.candidates = candidates;
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setId("tracing-candidates");
        empty.setText(emptyText);
        empty.setId("tracing-candidates-empty");
        grid.setId("tracing-candidate-grid");
        grid.addColumn(CandidateView::recordNumber).setHeader(getTranslation("tracing.candidate.number"))
                .setAutoWidth(true);
        grid.addColumn(c -> String.join(" ", c.names())).setHeader(getTranslation("tracing.candidate.names"));
        grid.addColumn(c -> String.format(Locale.ROOT, "%.1f", c.score()))
                .setHeader(getTranslation("tracing.candidate.score")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("tracing.label." + c.label().name()))
                .setHeader(getTranslation("tracing.candidate.label")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("tracing.state." + c.state().name()))
                .setHeader(getTranslation("tracing.candidate.state")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(change -> select(change.getValue()));
        comparison.setId("tracing-comparison");
        comparison.addColumn(c -> getTranslation("tracing.field." + c.field().name()))
                .setHeader(getTranslation("tracing.compare.field")).setAutoWidth(true);
        comparison.addColumn(c -> texts == null ? c.left() : texts.left(c))
                .setHeader(getTranslation("tracing.compare.searched"));
        comparison.addColumn(c -> texts == null ? c.right() : texts.right(c))
                .setHeader(getTranslation("tracing.compare.candidate"));
        comparison.addColumn(c -> getTranslation("tracing.agreement." + c.agreement().name()))
                .setHeader(getTranslation("tracing.compare.agreement")).setAutoWidth(true);
        comparison.addColumn(c -> String.format(Locale.ROOT, "%+.1f", c.weight()))
                .setHeader(getTranslation("tracing.compare.weight")).setAutoWidth(true);
        comparison.setAllRowsVisible(true);
        comment.setLabel(getTranslation("tracing.review.comment"));
        comment.setWidthFull();
        confirm.setText(getTranslation("tracing.review.confirm"));
        confirm.setId("tracing-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        confirm.addClickListener(click -> confirmSelected());
        reject.setText(getTranslation("tracing.review.reject"));
        reject.setId("tracing-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(click -> rejectSelected());
        detail.setPadding(false);
        merge.setText(getTranslation("cases.merge.open"));
        merge.setId("tracing-merge");
        merge.setVisible(false);
        merge.addClickListener(click -> {
            if (selected != null && merger != null) {
                merger.accept(selected);
            }
        });
        detail.add(new H3(getTranslation("tracing.compare.title")), comparison, comment,
                new HorizontalLayout(confirm, reject, merge));
        detail.setVisible(false);
        root.add(new H3(title == null ? getTranslation("tracing.candidates.title") : title), empty, grid, detail);
    }

    /** Offers merging a selected candidate case into the searched case (duplicates of a case). */
    void mergeWith(Consumer<CandidateView> action) {
        this.merger = action;
    }

    void refresh() {
        List<CandidateView> found = candidates.get();
        grid.setItems(found);
        empty.setVisible(found.isEmpty());
        grid.setVisible(!found.isEmpty());
        select(null);
    }

    List<CandidateView> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    void select(@Nullable CandidateView candidate) {
        selected = candidate;
        detail.setVisible(candidate != null);
        comment.clear();
        comment.setInvalid(false);
        if (candidate != null) {
            texts = lookups.texts(getLocale(), this::getTranslation);
            comparison.setItems(candidate.comparisons());
            confirm.setEnabled(candidate.state() == ReviewState.NEW);
            merge.setVisible(merger != null && candidate.candidateKind() == ProfileKind.CASE
                    && candidate.state() != ReviewState.REJECTED);
        }
    }

    void confirmSelected() {
        if (selected != null) {
            review(() -> review.confirm(user, selected.matchId(), comment.getValue()), "tracing.review.confirmed");
        }
    }

    void rejectSelected() {
        if (selected == null) {
            return;
        }
        if (comment.getValue().isBlank()) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation("tracing.match.commentRequired"));
            return;
        }
        review(() -> review.reject(user, selected.matchId(), comment.getValue()), "tracing.review.rejected");
    }

    private void review(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey));
        } catch (TracingRefusedException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
        }
        refresh();
    }
}

package org.kinship.ui.tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseMergeService;
import org.kinship.cases.CaseMergeService.MergeField;
import org.kinship.cases.CaseMergeService.MergePreview;
import org.kinship.cases.CaseMergeService.MergeRequest;
import org.kinship.cases.CaseMergeService.Side;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.FieldProblem;
import org.kinship.cases.InvalidCaseDataException;
import org.kinship.security.KinshipUser;

/**
 * Merging a duplicate into the case side by side: one choice per differing field (this case's value or the
 * duplicate's, this case's chosen at first), what else the duplicate brings, a reason. The versions shown are the
 * versions merged: when either case changed meanwhile the merge is refused and nothing is written.
 */
class MergeDialog extends Dialog {

    private final CaseMergeService merges;
    private final KinshipUser user;
    private final MergePreview preview;
    final Map<String, RadioButtonGroup<Side>> choices = new LinkedHashMap<>();
    final TextArea reason = new TextArea();
    final Button merge = new Button();
    final Span problem = new Span();
    private @Nullable CaseFile merged;

    MergeDialog(CaseMergeService merges, KinshipUser user, MergePreview preview) {
        this.merges = merges;
        this.user = user;
        this.preview = preview;
        setId("case-merge-dialog");
        setHeaderTitle(getTranslation("cases.merge.title", preview.caseNumber()));
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        if (preview.fields().isEmpty()) {
            content.add(new Span(getTranslation("cases.merge.noDifferences")));
        }
        for (MergeField field : preview.fields()) {
            RadioButtonGroup<Side> group = new RadioButtonGroup<>(field.path());
            group.setId("merge-" + field.path().replace('/', '-'));
            group.setItems(Side.SURVIVOR, Side.DUPLICATE);
            group.setItemLabelGenerator(side -> side == Side.SURVIVOR
                    ? getTranslation("cases.merge.survivor", preview.caseNumber()) + ": " + text(field.survivorValue())
                    : getTranslation("cases.merge.duplicate", preview.duplicateNumber()) + ": "
                            + text(field.duplicateValue()));
            group.setValue(Side.SURVIVOR);
            choices.put(field.path(), group);
            content.add(group);
        }
        content.add(new Span(getTranslation("cases.merge.carried", preview.notes(), preview.flags(),
                preview.attachments())));
        reason.setLabel(getTranslation("cases.merge.reason"));
        reason.setWidthFull();
        problem.setId("case-merge-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        content.add(reason, problem);
        add(content);
        merge.setText(getTranslation("cases.merge.submit"));
        merge.setId("case-merge-submit");
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        merge.addClickListener(click -> submit());
        Button cancel = new Button(getTranslation("cases.merge.cancel"), click -> close());
        getFooter().add(cancel, merge);
    }

    /** Merges as chosen; answers the surviving case, or {@code null} when refused (the problem is shown). */
    @Nullable CaseFile submit() {
        Map<String, Side> chosen = new LinkedHashMap<>();
        choices.forEach((path, group) -> chosen.put(path, group.getValue()));
        try {
            merged = merges.merge(user, preview.caseId(), new MergeRequest(preview.duplicateId(), preview.version(),
                    preview.duplicateVersion(), chosen, reason.getValue()), UI.getCurrent().getLocale());
        } catch (CaseVersionConflictException e) {
            problem.setText(getTranslation("cases.stale", e.expectedVersion(), e.currentVersion()));
            return null;
        } catch (InvalidCaseDataException e) {
            problem.setText(getTranslation("cases.invalidData") + " " + String.join(" ",
                    e.problems().stream().map(FieldProblem::message).toList()));
            return null;
        } catch (CaseRequestRefusedException e) {
            problem.setText(getTranslation(e.messageKey(), e.args()));
            return null;
        }
        Notification.show(getTranslation("cases.merge.done", preview.duplicateNumber()));
        close();
        return merged;
    }

    String problemText() {
        return problem.getText();
    }

    private String text(@Nullable Object value) {
        if (value == null) {
            return getTranslation("cases.merge.empty");
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(v -> Objects.toString(v)).toList());
        }
        return value.toString();
    }
}

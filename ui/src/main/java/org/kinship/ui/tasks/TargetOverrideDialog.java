package org.kinship.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.kinship.security.KinshipUser;
import org.kinship.workflow.CaseDueDates;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.TargetOverride;

/**
 * A child's own service-level targets, in hours from registration, with the reason (required). An empty field keeps
 * the risk level's target for that step; both empty removes the child's own targets. The service refuses what is
 * not allowed (no permission in the case's scope, no reason, a stale version) and the refusal is shown here.
 */
class TargetOverrideDialog extends Dialog {

    private final ServiceLevelService serviceLevels;
    private final KinshipUser user;
    private final CaseDueDates current;
    private final TaskTexts texts;
    private final Runnable changed;
    final IntegerField assessmentHours = new IntegerField();
    final IntegerField casePlanHours = new IntegerField();
    final TextArea reason = new TextArea();
    private final Span problem = new Span();

    TargetOverrideDialog(ServiceLevelService serviceLevels, KinshipUser user, CaseDueDates current, TaskTexts texts,
            Runnable changed) {
        this.serviceLevels = serviceLevels;
        this.user = user;
        this.current = current;
        this.texts = texts;
        this.changed = changed;
        setId("target-override-dialog");
        setHeaderTitle(getTranslation("tasks.override.title"));
        TargetOverride override = current.override();
        assessmentHours.setId("override-assessment-hours");
        assessmentHours.setLabel(getTranslation("serviceLevels.assessmentHours"));
        assessmentHours.setMin(1);
        assessmentHours.setStepButtonsVisible(true);
        casePlanHours.setId("override-case-plan-hours");
        casePlanHours.setLabel(getTranslation("serviceLevels.casePlanHours"));
        casePlanHours.setMin(1);
        casePlanHours.setStepButtonsVisible(true);
        if (override != null) {
            assessmentHours.setValue(override.assessmentHours());
            casePlanHours.setValue(override.casePlanHours());
        }
        reason.setId("override-reason");
        reason.setLabel(getTranslation("tasks.override.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        problem.setId("override-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        VerticalLayout content = new VerticalLayout(new Paragraph(getTranslation("tasks.override.hint",
                texts.risk(current.riskLevel()))), assessmentHours, casePlanHours, reason, problem);
        content.setPadding(false);
        add(content);
        Button save = new Button(getTranslation("tasks.override.save"), click -> save());
        save.setId("override-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("tasks.dialog.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    void save() {
        try {
            serviceLevels.overrideTargets(user, current.caseId(), current.version(), assessmentHours.getValue(),
                    casePlanHours.getValue(), reason.getValue());
            close();
            changed.run();
        } catch (RuntimeException refused) {
            problem.setText(texts.refusal(refused));
            problem.setVisible(true);
        }
    }

    String problemText() {
        return problem.isVisible() ? problem.getText() : "";
    }
}

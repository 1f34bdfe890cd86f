package org.kinship.ui.tasks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.kinship.security.KinshipUser;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskWorkService;

/**
 * Completing, approving or sending back one task. Sending back needs a comment; the task service decides (a
 * section that is not filled or not valid, a task someone else holds, a comment missing) and its refusal is
 * shown here, translated, with the task left as it was.
 */
class TaskDialog extends Dialog {

    /** The standard process's follow-up step asks the worker whether another follow-up is needed. */
    static final String FOLLOW_UP_TASK = "followUp";
    static final String CONTINUE_FOLLOW_UP = "continueFollowUp";

    enum Kind {
        COMPLETE, APPROVE, SEND_BACK
    }

    private final TaskWorkService work;
    private final KinshipUser user;
    private final InboxTask task;
    private final Kind kind;
    private final Consumer<InboxTask> done;
    private final TaskTexts texts;
    final TextArea comment = new TextArea();
    final Checkbox continueFollowUp = new Checkbox();
    private final Span problem = new Span();

    TaskDialog(TaskWorkService work, KinshipUser user, TaskTexts texts, InboxTask task, Kind kind,
            Consumer<InboxTask> done) {
        this.work = work;
        this.user = user;
        this.task = task;
        this.kind = kind;
        this.done = done;
        this.texts = texts;
        setId("task-dialog");
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        setHeaderTitle(getTranslation("tasks.dialog." + kind.name().toLowerCase(Locale.ROOT),
                texts.step(task), task.caseNumber() == null ? "" : task.caseNumber()));
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph(getTranslation("tasks.dialog.due", texts.due(task.due()))));
        if (kind == Kind.COMPLETE && FOLLOW_UP_TASK.equals(task.taskDefinitionKey())) {
            continueFollowUp.setId("task-continue-follow-up");
            continueFollowUp.setLabel(getTranslation("tasks.dialog.continueFollowUp"));
            content.add(continueFollowUp);
        }
        if (kind != Kind.COMPLETE) {
            comment.setId("task-comment");
            comment.setLabel(getTranslation(kind == Kind.SEND_BACK ? "tasks.dialog.commentRequired"
                    : "tasks.dialog.comment"));
            comment.setRequiredIndicatorVisible(kind == Kind.SEND_BACK);
            comment.setWidthFull();
            content.add(comment);
        }
        problem.setId("task-dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        content.add(problem);
        add(content);
        Button confirm = new Button(getTranslation("tasks." + switch (kind) {
            case COMPLETE -> "complete";
            case APPROVE -> "approve";
            case SEND_BACK -> "sendBack";
        }), click -> confirm());
        confirm.setId("task-dialog-" + name);
        confirm.addThemeVariants(kind == Kind.SEND_BACK ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("tasks.dialog.cancel"), click -> close());
        cancel.setId("task-dialog-cancel");
        getFooter().add(cancel, confirm);
    }

    /** Asks the task service; closes on success, shows its refusal otherwise. */
    void confirm() {
        try {
            InboxTask result = switch (kind) {
                case COMPLETE -> {
                    Map<String, Object> variables = new HashMap<>();
                    if (FOLLOW_UP_TASK.equals(task.taskDefinitionKey())) {
                        variables.put(CONTINUE_FOLLOW_UP, continueFollowUp.getValue());
                    }
                    yield work.complete(user, task.id(), variables, getLocale());
                }
                case APPROVE -> work.approve(user, task.id(), comment.getValue().isBlank() ? null
                        : comment.getValue());
                case SEND_BACK -> work.reject(user, task.id(), comment.getValue());
            };
            close();
            done.accept(result);
        } catch (RuntimeException refused) {
            problem.setText(texts.refusal(refused));
            problem.setVisible(true);
        }
    }

    String problemText() {
        return problem.isVisible() ? problem.getText() : "";
    }
}

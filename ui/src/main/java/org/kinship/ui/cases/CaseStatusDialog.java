package org.kinship.ui.cases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseVersionConflictException;

/** Closes a case with a reason, or reopens it (a reason is optional), on the version the worker sees. */
final class CaseStatusDialog extends Dialog {

    final TextArea reason = new TextArea();
    private final MessageBar problem = new MessageBar("case-status-problem");

    CaseStatusDialog(CaseContext context, CaseFile file) {
        boolean closing = file.isOpen();
        setId("case-status-dialog");
        setHeaderTitle(getTranslation(closing ? "cases.close.title" : "cases.reopen.title", file.caseNumber()));
        reason.setId("case-status-reason");
        reason.setLabel(getTranslation(closing ? "cases.close.reason" : "cases.reopen.reason"));
        reason.setRequired(closing);
        reason.setWidth("30em");
        reason.setMaxLength(10_000);
        add(reason, problem);
        Button confirm = new Button(getTranslation(closing ? "cases.close" : "cases.reopen"), click -> {
            try {
                CaseFile stored = closing
                        ? context.cases().close(context.user(), file.id(), file.version(), reason.getValue())
                        : context.cases().reopen(context.user(), file.id(), file.version(),
                                reason.getValue().isBlank() ? null : reason.getValue());
                close();
                context.message().info(getTranslation(closing ? "cases.close.done" : "cases.reopen.done"));
                context.changed().accept(stored);
            } catch (CaseVersionConflictException e) {
                close();
                context.message().refused(e);
                context.changed().accept(context.cases().get(context.user(), file.id()));
            } catch (CaseRequestRefusedException e) {
                problem.refused(e);
            }
        });
        confirm.setId("case-status-confirm");
        confirm.addThemeVariants(closing ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("cases.cancel"), click -> close());
        cancel.setId("case-status-cancel");
        getFooter().add(cancel, confirm);
    }
}

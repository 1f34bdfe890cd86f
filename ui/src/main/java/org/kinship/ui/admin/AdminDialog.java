package org.kinship.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;

/**
 * An administration dialog: Cancel and Save in the footer, and the service's refusal shown in the dialog
 * instead of closing it.
 */
abstract class AdminDialog extends Dialog {

    private final Span error = new Span();
    private final Runnable saved;

    AdminDialog(String idPrefix, Runnable saved) {
        this.saved = saved;
        error.setId(idPrefix + "-error");
        error.addClassName("kinship-error");
        Button save = new Button(getTranslation("admin.save"), click -> save());
        save.setId("save-" + idPrefix);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("admin.cancel"), click -> close()), save);
    }

    /** Adds the line where refusals appear; call after the fields. */
    final void addErrorLine() {
        add(error);
    }

    /** Writes through the service; closes on success, otherwise stays open with the reason. */
    abstract boolean save();

    /** Runs a service call, showing its refusal; answers whether it worked. */
    final boolean attempt(Runnable call) {
        try {
            call.run();
            error.setText("");
            return true;
        } catch (RuntimeException e) {
            error.setText(Refusals.message(this, e));
            return false;
        }
    }

    /** Runs the save and, when it worked, closes and refreshes the list behind. */
    final boolean saveWith(Runnable call) {
        if (!attempt(call)) {
            return false;
        }
        close();
        saved.run();
        return true;
    }

    final void refreshList() {
        saved.run();
    }

    final String errorText() {
        return error.getText();
    }
}

package org.kinship.ui.referrals;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.jspecify.annotations.Nullable;

/** Asks why (a rejection needs a reason, a revocation may have one), then confirms. */
class ReasonDialog extends Dialog {

    private final TextArea reason = new TextArea();
    private final boolean required;
    private final Consumer<@Nullable String> onConfirm;

    ReasonDialog(String title, boolean required, Consumer<@Nullable String> onConfirm) {
        this.required = required;
        this.onConfirm = onConfirm;
        setHeaderTitle(title);
        setId("referral-reason-dialog");
        reason.setId("referral-reason");
        reason.setLabel(getTranslation("referrals.view.reason"));
        reason.setMaxLength(2_000);
        reason.setRequired(required);
        reason.setWidthFull();
        add(reason);
        Button confirm = new Button(getTranslation("referrals.view.confirm"), click -> confirm());
        confirm.setId("referral-reason-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("referrals.view.cancel"), click -> close()), confirm);
    }

    TextArea reasonField() {
        return reason;
    }

    void confirm() {
        String text = reason.getValue().strip();
        if (required && text.isEmpty()) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("referrals.view.reasonRequired"));
            return;
        }
        close();
        onConfirm.accept(text.isEmpty() ? null : text);
    }
}

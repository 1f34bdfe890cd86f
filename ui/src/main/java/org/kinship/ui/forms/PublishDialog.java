package org.kinship.ui.forms;

import java.util.Locale;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDiff;
import org.kinship.forms.FormSchema;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormVersion;
import org.kinship.forms.InvalidFormDefinitionException;
import org.kinship.forms.NothingToPublishException;

/**
 * Shows what publishing would change compared with the latest published version (fields added, removed,
 * changed and which attributes) and publishes on confirmation. The draft is saved first.
 */
class PublishDialog extends Dialog {

    private @Nullable DiffList diff;

    PublishDialog(FormDefinitionService forms, FormDocument document, String user, Runnable saveDraft,
            IntConsumer published) {
        setHeaderTitle(getTranslation("designer.publish"));
        setId("publish-dialog");
        FormSchema current;
        try {
            current = FormSchema.parse(document.toJson());
        } catch (RuntimeException e) {
            add(new Paragraph(getTranslation("designer.preview.unavailable")));
            getFooter().add(new Button(getTranslation("designer.cancel"), click -> close()));
            return;
        }
        FormVersion latest = forms.latestVersion(document.formId()).orElse(null);
        if (latest == null) {
            add(new Paragraph(getTranslation("designer.diff.first")));
        } else {
            add(new Paragraph(getTranslation("designer.diff.against", latest.version())));
            diff = new DiffList(FormDiff.between(latest.schema(), current));
            diff.setId("publish-diff");
            add(diff);
        }
        Button confirm = new Button(getTranslation("designer.publish"), click -> {
            saveDraft.run();
            try {
                Locale locale = getLocale();
                published.accept(forms.publish(document.formId(), user, locale).version());
                close();
            } catch (NothingToPublishException e) {
                Notification.show(getTranslation("designer.nothingToPublish"), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
                close();
            } catch (InvalidFormDefinitionException e) {
                Notification.show(getTranslation("designer.notSaved", e.problems().size()), 5000,
                        Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("publish-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("designer.cancel"), click -> close()), confirm);
    }

    /** The changes shown, or null before the first version (for tests). */
    @Nullable DiffList diff() {
        return diff;
    }
}

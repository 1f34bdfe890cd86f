package org.kinship.ui.forms;

import java.time.Clock;
import java.util.Locale;

import org.kinship.forms.FieldOption;
import org.kinship.forms.FormField;
import org.kinship.forms.LookupSource;
import org.kinship.forms.LookupValue;
import org.kinship.i18n.Messages;

/**
 * What field editors need besides their field: the form's language (which may differ from the user's in the
 * designer preview), translated texts, lookups, attachments and the clock.
 */
public record RenderContext(Locale locale, Messages messages, LookupSource lookups, AttachmentHandler attachments,
        Clock clock) {

    String language() {
        return locale.getLanguage();
    }

    String text(String key, Object... args) {
        return messages.get(locale, key, args);
    }

    String label(FormField field) {
        return field.labelIn(language());
    }

    String help(FormField field) {
        return field.help().getOrDefault(language(), field.help().getOrDefault("en", ""));
    }

    String label(FieldOption option) {
        return option.label().getOrDefault(language(), option.label().getOrDefault("en", option.value()));
    }

    String label(LookupValue value) {
        return value.label().getOrDefault(language(), value.label().getOrDefault("en", value.value()));
    }
}

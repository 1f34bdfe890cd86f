package org.kinship.forms.internal;

import java.util.Locale;
import java.util.Optional;

import org.kinship.forms.FormField;
import org.kinship.forms.FormSchema;

/** The label of the field a data pointer ({@code /siblings/0/name}) points at, in the user's language. */
final class FieldLabels {

    private FieldLabels() {
    }

    static Optional<FormField> fieldAt(FormSchema schema, String pointer) {
        String[] parts = pointer.startsWith("/") ? pointer.substring(1).split("/") : new String[0];
        if (parts.length == 0) {
            return Optional.empty();
        }
        Optional<FormField> top = schema.field(parts[0]);
        if (parts.length >= 3 && top.isPresent() && !top.get().children().isEmpty()) {
            return top.get().child(parts[2]).or(() -> top);
        }
        return top;
    }

    static String label(FormSchema schema, String pointer, Locale locale) {
        return fieldAt(schema, pointer).map(f -> f.labelIn(locale.getLanguage()))
                .orElse(pointer.isEmpty() ? schema.title() : pointer.substring(pointer.lastIndexOf('/') + 1));
    }
}

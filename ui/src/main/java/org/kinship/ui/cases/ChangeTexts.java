package org.kinship.ui.cases;

import java.util.Optional;

import org.kinship.cases.FieldChange;
import org.kinship.forms.FormField;

/** A history path ({@code section/field}, {@code status}, {@code notes/<id>}...) and its values, for reading. */
final class ChangeTexts {

    private final CaseContext context;

    ChangeTexts(CaseContext context) {
        this.context = context;
    }

    /** "Assessment › Risk level" for a section field, a translated word for the case's own parts. */
    String what(FieldChange change) {
        String[] parts = change.path().split("/", 2);
        ModuleForms forms = context.moduleForms();
        Optional<String> section = forms.module().section(parts[0])
                .map(s -> forms.label(s, context.locale().getLanguage()));
        if (section.isPresent()) {
            String field = parts.length < 2 ? "" : field(parts[0], parts[1]).map(f -> f.labelIn(
                    context.locale().getLanguage())).orElse(parts[1]);
            return section.get() + " › " + field;
        }
        return translatedPart(parts[0]);
    }

    String value(FieldChange change, @org.jspecify.annotations.Nullable Object value) {
        String[] parts = change.path().split("/", 2);
        if ("status".equals(parts[0]) && value instanceof String status) {
            return context.values().text("cases.status." + status.toLowerCase(java.util.Locale.ROOT));
        }
        FormField field = parts.length < 2 ? null : field(parts[0], parts[1]).orElse(null);
        return context.values().of(field, value);
    }

    private Optional<FormField> field(String section, String name) {
        return context.moduleForms().field(section, name);
    }

    private String translatedPart(String part) {
        return switch (part) {
            case "status", "notes", "flags", "attachments", "closure" ->
                    context.values().text("cases.history.part." + part);
            default -> part;
        };
    }
}

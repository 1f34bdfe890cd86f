package org.kinship.ui.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldOption;
import org.kinship.forms.FormField;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;

/**
 * The options of a choice, tally or location field in the form's language, from inline options or a lookup.
 * Retired lookup values are offered only when they are already the stored value.
 */
record Choices(List<String> values, Map<String, String> labels) {

    static Choices of(FormField field, RenderContext context, @Nullable Object current) {
        List<String> values = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        if (field.valueLookup() == null) {
            for (FieldOption option : field.options()) {
                values.add(option.value());
                labels.put(option.value(), context.label(option));
            }
            return new Choices(values, labels);
        }
        Lookup lookup = context.lookups().findLookup(field.valueLookup()).orElse(null);
        if (lookup == null) {
            return new Choices(values, labels);
        }
        for (LookupValue value : lookup.values()) {
            if (!value.retired() || isCurrent(current, value.value())) {
                values.add(value.value());
                labels.put(value.value(), path(lookup, value, context));
            }
        }
        return new Choices(values, labels);
    }

    String label(String value) {
        return labels.getOrDefault(value, value);
    }

    private static boolean isCurrent(@Nullable Object current, String value) {
        return value.equals(current) || current instanceof List<?> list && list.contains(value);
    }

    /** A place is shown with its parents, e.g. "Darfur › Nyala › Otash camp". */
    private static String path(Lookup lookup, LookupValue value, RenderContext context) {
        StringBuilder label = new StringBuilder(context.label(value));
        LookupValue at = value;
        for (int depth = 0; depth < 10 && at.parent() != null; depth++) {
            at = lookup.value(at.parent()).orElse(null);
            if (at == null) {
                break;
            }
            label.insert(0, context.label(at) + " › ");
        }
        return label.toString();
    }
}

package org.kinship.ui.forms;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;

/**
 * What the designer edits about one field: its name, kind, place and the {@code x-kinship} annotations
 * offered in the field dialog. Everything else in the field's JSON (constraints such as {@code maxLength},
 * a group's items) is kept as it is.
 */
record FieldSpec(
        String name,
        FieldKind kind,
        @Nullable String section,
        Map<String, String> label,
        Map<String, String> help,
        boolean required,
        boolean readOnly,
        boolean sensitive,
        boolean matchable,
        @Nullable String widget,
        List<Option> options,
        @Nullable String lookup,
        @Nullable String visibleWhen,
        @Nullable String calculate,
        boolean notInFuture,
        boolean partialDate,
        @Nullable Integer minItems,
        @Nullable Integer maxItems,
        @Nullable String hierarchy) {

    FieldSpec {
        label = Map.copyOf(label);
        help = Map.copyOf(help);
        options = List.copyOf(options);
    }

    /** A new field with only a name, a kind, a section and an English label. */
    static FieldSpec of(String name, FieldKind kind, @Nullable String section, String englishLabel) {
        return new FieldSpec(name, kind, section, Map.of("en", englishLabel), Map.of(), false, false, false, false,
                null, List.of(), null, null, null, false, false, null, null, null);
    }

    FieldSpec withLabel(String language, String text) {
        Map<String, String> labels = new java.util.LinkedHashMap<>(label);
        if (text.isBlank()) {
            labels.remove(language);
        } else {
            labels.put(language, text);
        }
        return new FieldSpec(name, kind, section, labels, help, required, readOnly, sensitive, matchable, widget,
                options, lookup, visibleWhen, calculate, notInFuture, partialDate, minItems, maxItems, hierarchy);
    }

    FieldSpec withRequired(boolean isRequired) {
        return new FieldSpec(name, kind, section, label, help, isRequired, readOnly, sensitive, matchable, widget,
                options, lookup, visibleWhen, calculate, notInFuture, partialDate, minItems, maxItems, hierarchy);
    }

    /** An inline option: a stable value and its label per language. */
    record Option(String value, Map<String, String> label) {
        Option {
            label = Map.copyOf(label);
        }
    }
}

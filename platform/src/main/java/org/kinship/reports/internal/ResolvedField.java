package org.kinship.reports.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;

/**
 * A report field resolved against the module's published forms: where its values lie in a case document
 * ({@code sections.<section>.data.<name>}, inside the items of {@code group} for a repeating group's field, or
 * a top-level case attribute for {@code @...}), its kind, whether it is sensitive, its label and its known
 * values in order (choices, lookups). {@code identifying}: the form uses it to identify children (matchable).
 */
record ResolvedField(String path, @Nullable String section, @Nullable String group, String name, FieldKind kind,
        boolean sensitive, boolean identifying, Map<String, String> label, Map<String, Map<String, String>> options,
        @Nullable String valueLookup) {

    ResolvedField {
        label = Map.copyOf(label);
        options = new LinkedHashMap<>(options);
    }

    boolean builtin() {
        return section == null;
    }

    /** {@code section/group} for a field inside a repeating group, else {@code null}. */
    @Nullable String groupPath() {
        return group == null ? null : section + "/" + group;
    }

    boolean numeric() {
        return kind == FieldKind.INTEGER || kind == FieldKind.DECIMAL || kind == FieldKind.CALCULATED;
    }

    boolean dated() {
        return kind == FieldKind.DATE || kind == FieldKind.DATE_TIME;
    }

    String labelIn(String language) {
        return label.getOrDefault(language, label.getOrDefault("en", path));
    }
}

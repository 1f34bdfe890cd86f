package org.kinship.forms;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One value of a {@link Lookup}: a stable code, its label per language, whether it is retired, and for a
 * location hierarchy the code of its parent place.
 */
public record LookupValue(String value, Map<String, String> label, boolean retired, @Nullable String parent) {

    public LookupValue {
        label = Map.copyOf(label);
    }

    /** The label in {@code language}, falling back to English and then to the code. */
    public String labelIn(String language) {
        return label.getOrDefault(language, label.getOrDefault("en", value));
    }

    public static LookupValue of(String value, Map<String, String> label) {
        return new LookupValue(value, label, false, null);
    }

    LookupValue asRetired() {
        return new LookupValue(value, label, true, parent);
    }
}

package org.kinship.forms;

import java.util.Map;

/** One inline option of a choice or tally field: a stable {@code value} code and its label per language. */
public record FieldOption(String value, Map<String, String> label) {

    public FieldOption {
        label = Map.copyOf(label);
    }

    /** The label in {@code language}, falling back to English and then to the value. */
    public String labelIn(String language) {
        return label.getOrDefault(language, label.getOrDefault("en", value));
    }
}

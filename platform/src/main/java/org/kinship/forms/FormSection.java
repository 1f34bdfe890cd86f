package org.kinship.forms;

import java.util.Map;

/** A section of a form (a tab or page in the UI), in the order the form lists them. */
public record FormSection(String id, Map<String, String> label) {

    public FormSection {
        label = Map.copyOf(label);
    }

    /** The label in {@code language}, falling back to English and then to the id. */
    public String labelIn(String language) {
        return label.getOrDefault(language, label.getOrDefault("en", id));
    }
}

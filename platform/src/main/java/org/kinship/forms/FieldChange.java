package org.kinship.forms;

import java.util.List;

/** A field present in both versions, with the names of the attributes that differ (see {@link FormField#attributes()}). */
public record FieldChange(String field, List<String> attributes) {

    public FieldChange {
        attributes = List.copyOf(attributes);
    }
}

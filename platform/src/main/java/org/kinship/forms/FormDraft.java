package org.kinship.forms;

import java.time.Instant;

/**
 * The editable copy of a form: the schema text an administrator is working on. {@code version} counts
 * saves and guards against lost updates; it is not the published version number.
 */
public record FormDraft(String id, String schemaJson, long version, Instant updatedAt, String updatedBy) {

    public String formId() {
        return id;
    }

    public FormSchema schema() {
        return FormSchema.parse(schemaJson);
    }
}

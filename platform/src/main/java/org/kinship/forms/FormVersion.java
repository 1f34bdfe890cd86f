package org.kinship.forms;

import java.time.Instant;

/** A published, immutable version of a form. Data records the {@link #ref()} it was filled with. */
public record FormVersion(String formId, int version, String schemaJson, Instant publishedAt, String publishedBy) {

    public FormVersionRef ref() {
        return new FormVersionRef(formId, version);
    }

    public FormSchema schema() {
        return FormSchema.parse(schemaJson);
    }
}

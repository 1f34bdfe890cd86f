package org.kinship.forms;

import org.jspecify.annotations.Nullable;

/** No form with this id, or no published version with this number. */
public class FormNotFoundException extends RuntimeException {

    private final String formId;
    private final @Nullable Integer version;

    public FormNotFoundException(String formId, @Nullable Integer version) {
        super(version == null ? "no form " + formId : "no version " + version + " of form " + formId);
        this.formId = formId;
        this.version = version;
    }

    public String formId() {
        return formId;
    }

    public @Nullable Integer version() {
        return version;
    }
}

package org.kinship.forms;

import org.jspecify.annotations.Nullable;

/** A lookup, or a value of a lookup, that does not exist. */
public class LookupNotFoundException extends RuntimeException {

    private final String lookupId;
    private final @Nullable String value;

    public LookupNotFoundException(String lookupId, @Nullable String value) {
        super(value == null ? "no lookup " + lookupId : "lookup " + lookupId + " has no value " + value);
        this.lookupId = lookupId;
        this.value = value;
    }

    public String lookupId() {
        return lookupId;
    }

    public @Nullable String value() {
        return value;
    }
}

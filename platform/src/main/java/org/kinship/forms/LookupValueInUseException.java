package org.kinship.forms;

/** A lookup value that something uses cannot be deleted; retire it instead. */
public class LookupValueInUseException extends RuntimeException {

    private final String lookupId;
    private final String value;

    public LookupValueInUseException(String lookupId, String value) {
        super("value " + value + " of lookup " + lookupId + " is in use");
        this.lookupId = lookupId;
        this.value = value;
    }

    public String lookupId() {
        return lookupId;
    }

    public String value() {
        return value;
    }
}

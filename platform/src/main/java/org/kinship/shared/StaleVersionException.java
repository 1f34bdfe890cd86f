package org.kinship.shared;

/**
 * A write was based on a version of an aggregate that is no longer the stored one. Nothing was written;
 * the caller must re-read and re-apply its change.
 */
public class StaleVersionException extends RuntimeException {

    private final String aggregate;
    private final String id;
    private final long expectedVersion;

    public StaleVersionException(String aggregate, String id, long expectedVersion) {
        super(aggregate + " " + id + " was changed by someone else (expected version " + expectedVersion + ")");
        this.aggregate = aggregate;
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    public String aggregate() {
        return aggregate;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}

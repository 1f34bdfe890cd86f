package org.kinship.reports;

import java.util.Map;

/**
 * A report, export or import request that cannot be carried out as asked; {@code messageKey} and {@code args}
 * give the translated explanation, {@code properties} what the API adds to the problem (for example the
 * refused {@code field}). Nothing was stored or merged.
 */
public class ReportRefusedException extends RuntimeException {

    /** Why, as the API reports it. */
    public enum Reason {
        /** Malformed definition, unknown field, a grouping that does not fit the field's kind. */
        BAD_REQUEST,
        /** A field the user may not see (sensitive), or an action the user may not take. */
        FORBIDDEN,
        /** No such saved report or aggregate definition (or not shared with the user). */
        NOT_FOUND,
        /** Saved meanwhile by someone else. */
        CONFLICT,
        /** A file or a request that is well-formed but cannot be accepted (malformed aggregate file, unknown agency). */
        UNPROCESSABLE
    }

    private final Reason reason;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, Object> properties;

    public ReportRefusedException(Reason reason, String messageKey, Object... args) {
        this(reason, Map.of(), messageKey, args);
    }

    public ReportRefusedException(Reason reason, Map<String, Object> properties, String messageKey, Object... args) {
        super(messageKey);
        this.reason = reason;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.properties = Map.copyOf(properties);
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

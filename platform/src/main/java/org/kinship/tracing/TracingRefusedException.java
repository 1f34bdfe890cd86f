package org.kinship.tracing;

/**
 * A tracing or matching request that cannot be carried out, with the message key (and arguments) that tells
 * the user why in their language.
 */
public class TracingRefusedException extends RuntimeException {

    /** How the refusal is answered. */
    public enum Reason {
        BAD_REQUEST, CONFLICT, UNPROCESSABLE
    }

    private final Reason reason;
    private final String messageKey;
    private final transient Object[] args;

    public TracingRefusedException(Reason reason, String messageKey, Object... args) {
        super(messageKey);
        this.reason = reason;
        this.messageKey = messageKey;
        this.args = args.clone();
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
}

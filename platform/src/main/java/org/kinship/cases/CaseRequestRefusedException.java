package org.kinship.cases;

/**
 * A case request that cannot be carried out as asked; {@code messageKey} and {@code args} give the
 * translated explanation. Nothing was written.
 */
public class CaseRequestRefusedException extends RuntimeException {

    /** Why, as the API reports it. */
    public enum Reason {
        /** Unknown module or section, empty reason, malformed input. */
        BAD_REQUEST,
        /** A part of a case (flag, attachment) that does not exist. */
        NOT_FOUND,
        /** The user may see the case but not do this with it. */
        FORBIDDEN,
        /** The case is not in a state that allows it (closing a closed case, editing a closed case). */
        CONFLICT,
        /** Data or a file larger than the limit. */
        TOO_LARGE,
        /** An attachment type that is not accepted. */
        UNSUPPORTED_TYPE
    }

    private final Reason reason;
    private final String messageKey;
    private final Object[] args;

    public CaseRequestRefusedException(Reason reason, String messageKey, Object... args) {
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

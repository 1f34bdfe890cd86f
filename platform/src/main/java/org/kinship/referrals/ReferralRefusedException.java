package org.kinship.referrals;

import org.jspecify.annotations.Nullable;

/**
 * A directory, referral, transfer or assignment request that cannot be carried out; {@code messageKey} and
 * {@code args} give the translated reason. Nothing was written.
 */
public class ReferralRefusedException extends RuntimeException {

    /** How the API answers. */
    public enum Reason {
        BAD_REQUEST, NOT_FOUND, FORBIDDEN, CONFLICT, UNPROCESSABLE
    }

    private final Reason reason;
    private final String messageKey;
    private final Object[] args;
    private final @Nullable String state;

    public ReferralRefusedException(Reason reason, String messageKey, Object... args) {
        this(reason, null, messageKey, args);
    }

    private ReferralRefusedException(Reason reason, @Nullable String state, String messageKey, Object... args) {
        super(messageKey);
        this.reason = reason;
        this.state = state;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** A transition from the wrong state: names the current state. */
    public static ReferralRefusedException wrongState(String state, String action) {
        return new ReferralRefusedException(Reason.CONFLICT, state, "referrals.wrongState", action, state);
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

    /** The current state when a transition was refused for it. */
    public @Nullable String state() {
        return state;
    }
}

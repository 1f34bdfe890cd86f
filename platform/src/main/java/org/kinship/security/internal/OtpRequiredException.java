package org.kinship.security.internal;

import org.springframework.security.authentication.BadCredentialsException;

/** The password was right but the account has a second factor and no, or a wrong, one-time code came with it. */
class OtpRequiredException extends BadCredentialsException {

    private final boolean missing;

    OtpRequiredException(boolean missing) {
        super(missing ? "One-time code required" : "One-time code not correct");
        this.missing = missing;
    }

    boolean missing() {
        return missing;
    }
}

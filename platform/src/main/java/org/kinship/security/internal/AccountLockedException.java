package org.kinship.security.internal;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** The account is locked after repeated failures; {@link #until()} says when it opens again. */
class AccountLockedException extends LockedException {

    private final Instant until;

    AccountLockedException(Instant until) {
        super("Account locked after repeated failed sign-ins until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}

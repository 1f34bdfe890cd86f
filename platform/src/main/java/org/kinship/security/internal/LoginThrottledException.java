package org.kinship.security.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins came from this client address recently. */
class LoginThrottledException extends AuthenticationException {

    LoginThrottledException() {
        super("Too many failed sign-ins from this address");
    }
}

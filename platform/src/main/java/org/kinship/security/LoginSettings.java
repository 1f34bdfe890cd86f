package org.kinship.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection.
 *
 * @param maxFailures          failed sign-ins in a row that lock an account ({@code KINSHIP_LOGIN_MAX_FAILURES})
 * @param lockDuration         how long it stays locked ({@code KINSHIP_LOGIN_LOCK_DURATION}, e.g. {@code 15m})
 * @param maxFailuresPerClient failed sign-ins from one client address, whatever the user name, within
 *                             {@code clientWindow}, before that address is refused for the rest of the window
 * @param clientWindow         the window of the per-address throttle
 */
@ConfigurationProperties("kinship.login")
public record LoginSettings(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("30") int maxFailuresPerClient,
        @DefaultValue("10m") Duration clientWindow) {
}

package org.kinship.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.security.AccountLocked;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.LoginFailed;
import org.kinship.security.LoginSettings;
import org.kinship.security.LoginSucceeded;
import org.kinship.security.TotpService;
import org.kinship.security.UserAccount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in for the UI form and HTTP Basic alike. A locked account is refused before its password is
 * checked, so the right password does not open it early; the lock is lifted by time or by a success after it.
 * An account with a second factor also needs a fresh one-time code ({@link KinshipAuthenticationDetails}); a
 * wrong code counts like a wrong password.
 */
@Component
class KinshipAuthenticationProvider implements AuthenticationProvider {

    private final MongoUserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ClientThrottle throttle;
    private final LoginSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TotpService totp;
    private final String unknownUserHash;

    /** The only authority of a user who must enrol a second factor before anything else. */
    static final String TOTP_ENROLMENT_REQUIRED = "TOTP_ENROLMENT_REQUIRED";

    KinshipAuthenticationProvider(MongoUserAccountRepository users, PasswordEncoder passwordEncoder,
            ClientThrottle throttle, LoginSettings settings, ApplicationEventPublisher events, Clock clock,
            TotpService totp) {
        this.totp = totp;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        // Checked against when the user does not exist, so that an unknown name takes as long as a known one.
        this.unknownUserHash = passwordEncoder.encode("kinship-unknown-user-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = remoteAddress(authentication);
        Instant now = clock.instant();
        if (throttle.blocked(address)) {
            fail(username, address, "throttled", now);
            throw new LoginThrottledException();
        }
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, unknownUserHash);
            throttle.failed(address);
            fail(username, address, "bad_credentials", now);
            throw new BadCredentialsException("Bad credentials");
        }
        UserAccount account = found.get();
        if (!account.enabled()) {
            fail(username, address, "disabled", now);
            throw new DisabledException("Account disabled");
        }
        if (account.lockedAt(now)) {
            fail(username, address, "locked", now);
            throw new AccountLockedException(account.lockedUntil());
        }
        if (!passwordEncoder.matches(password, account.passwordHash())) {
            throw failedAttempt(account, address, "bad_credentials", now, new BadCredentialsException("Bad credentials"));
        }
        boolean enrolled = totp.isEnrolled(account.id());
        if (enrolled) {
            checkOneTimeCode(account, authentication, address, now);
        }
        users.recordSuccess(account.id(), now);
        events.publishEvent(new LoginSucceeded(account.id(), account.username(), address, now));
        KinshipUser user = KinshipUser.of(account);
        UsernamePasswordAuthenticationToken result;
        if (!enrolled && totp.requiredFor(user)) {
            // May only enrol a second factor: no roles, hence no permission, until then.
            result = UsernamePasswordAuthenticationToken.authenticated(new KinshipUser(user.id(), user.username(),
                    user.displayName(), Set.of(), user.agencyCode(), user.preferredLocale()), null,
                    List.of(new SimpleGrantedAuthority(TOTP_ENROLMENT_REQUIRED)));
        } else {
            result = signedIn(user);
        }
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** A fully signed-in user: their roles as authorities (also after an OpenID Connect sign-in). */
    static UsernamePasswordAuthenticationToken signedIn(KinshipUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(DefaultRoles.authority(role))).toList());
    }

    private void checkOneTimeCode(UserAccount account, Authentication authentication, String address, Instant now) {
        String otp = authentication.getDetails() instanceof KinshipAuthenticationDetails details ? details.otp() : null;
        if (otp == null || otp.isBlank()) {
            fail(account.username(), address, "otp_missing", now);
            throw new OtpRequiredException(true);
        }
        if (!totp.verify(account.id(), otp)) {
            throw failedAttempt(account, address, "bad_otp", now, new OtpRequiredException(false));
        }
    }

    /** Counts a failure towards the lock; answers the exception to throw (the lock when this one reached it). */
    private AuthenticationException failedAttempt(UserAccount account, String address, String reason, Instant now,
            AuthenticationException failure) {
        throttle.failed(address);
        fail(account.username(), address, reason, now);
        Optional<UserAccount> after = users.recordFailure(account.id());
        if (after.isPresent() && after.get().failedLogins() >= settings.maxFailures()) {
            Instant until = now.plus(settings.lockDuration());
            users.lockUntil(account.id(), until);
            events.publishEvent(new AccountLocked(account.id(), account.username(), until));
            return new AccountLockedException(until);
        }
        return failure;
    }

    private void fail(String username, String address, String reason, Instant now) {
        events.publishEvent(new LoginFailed(username, address, reason, now));
    }

    private static String remoteAddress(Authentication authentication) {
        return remoteAddress(authentication.getDetails());
    }

    /** The client address of a sign-in's request details, as audited. */
    static String remoteAddress(@Nullable Object requestDetails) {
        return requestDetails instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

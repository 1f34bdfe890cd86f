package org.kinship.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.kinship.security.AccountLocked;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.LoginFailed;
import org.kinship.security.LoginSettings;
import org.kinship.security.LoginSucceeded;
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
 */
@Component
class KinshipAuthenticationProvider implements AuthenticationProvider {

    private final MongoUserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ClientThrottle throttle;
    private final LoginSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String unknownUserHash;

    KinshipAuthenticationProvider(MongoUserAccountRepository users, PasswordEncoder passwordEncoder,
            ClientThrottle throttle, LoginSettings settings, ApplicationEventPublisher events, Clock clock) {
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
            throttle.failed(address);
            fail(username, address, "bad_credentials", now);
            Optional<UserAccount> after = users.recordFailure(account.id());
            if (after.isPresent() && after.get().failedLogins() >= settings.maxFailures()) {
                Instant until = now.plus(settings.lockDuration());
                users.lockUntil(account.id(), until);
                events.publishEvent(new AccountLocked(account.id(), account.username(), until));
                throw new AccountLockedException(until);
            }
            throw new BadCredentialsException("Bad credentials");
        }
        users.recordSuccess(account.id(), now);
        events.publishEvent(new LoginSucceeded(account.id(), account.username(), address, now));
        KinshipUser user = KinshipUser.of(account);
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(DefaultRoles.authority(role))).toList());
        result.setDetails(authentication.getDetails());
        return result;
    }

    private void fail(String username, String address, String reason, Instant now) {
        events.publishEvent(new LoginFailed(username, address, reason, now));
    }

    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

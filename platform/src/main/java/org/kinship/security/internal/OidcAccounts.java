package org.kinship.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.kinship.security.KinshipUser;
import org.kinship.security.LoginFailed;
import org.kinship.security.LoginSucceeded;
import org.kinship.security.OidcLoginRefusedException;
import org.kinship.security.OidcSettings;
import org.kinship.security.UserAccount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Maps an identity the OpenID Connect provider asserted (its ID token already verified: signature, issuer, audience,
 * expiry, nonce) to an existing Kinship account. Accounts are never created here: the configured claim must name an
 * enabled, unlocked account, whose holder's roles do not demand Kinship's own second factor (ADR 0018). A success is
 * published like a password sign-in (audited before the session is signed in); a refusal is thrown and audited by
 * the failure handler, with the asserted user name.
 */
@Component
class OidcAccounts {

    private final MongoUserAccountRepository users;
    private final OidcSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OidcAccounts(MongoUserAccountRepository users, OidcSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    KinshipUser signIn(OidcUser identity, String remoteAddress) {
        Object claim = identity.getClaims().get(settings.usernameClaim());
        String username = claim == null ? "" : claim.toString().strip();
        if (username.isEmpty()) {
            throw new OidcLoginRefusedException("missing_claim", null);
        }
        if (StandardClaimNames.EMAIL.equals(settings.usernameClaim())
                && !Boolean.TRUE.equals(identity.getEmailVerified())) {
            throw new OidcLoginRefusedException("email_not_verified", username);
        }
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            throw new OidcLoginRefusedException("unknown_user", username);
        }
        UserAccount account = found.get();
        Instant now = clock.instant();
        if (!account.enabled()) {
            throw new OidcLoginRefusedException("disabled", account.username());
        }
        if (account.lockedAt(now)) {
            throw new OidcLoginRefusedException("locked", account.username());
        }
        if (settings.totpRequiredFor(account.roles())) {
            throw new OidcLoginRefusedException("second_factor_required", account.username());
        }
        users.recordSuccess(account.id(), now);
        events.publishEvent(new LoginSucceeded(account.id(), account.username(), remoteAddress, now, LoginFailed.OIDC));
        return KinshipUser.of(account);
    }

    void refused(OidcLoginRefusedException refusal, String remoteAddress) {
        String username = refusal.username() == null ? "unknown" : refusal.username();
        events.publishEvent(new LoginFailed(username, remoteAddress, refusal.reason(), clock.instant(),
                LoginFailed.OIDC));
    }
}

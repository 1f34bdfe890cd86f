package org.kinship.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.kinship.security.Permission.Scope;
import org.kinship.security.internal.Base32;
import org.kinship.security.internal.MongoRoleRepository;
import org.kinship.security.internal.MongoTotpRepository;
import org.kinship.security.internal.MongoUserAccountRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The TOTP second factor: a user enrols an authenticator app ({@link #start}, {@link #confirm}); from then on
 * every sign-in needs a fresh code ({@code X-Kinship-OTP} header on the API). Roles listed in
 * {@code kinship.security.totp-required-roles} must enrol before anything else. Administrators reset a lost
 * authenticator ({@link #reset}); the user then enrols again.
 */
@Service
public class TotpService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTotpRepository enrolments;
    private final MongoUserAccountRepository users;
    private final UserManagementRules rules;
    private final TotpSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TotpService(MongoTotpRepository enrolments, MongoUserAccountRepository users, MongoRoleRepository roles,
            PermissionService permissions, TotpSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.enrolments = enrolments;
        this.users = users;
        this.rules = new UserManagementRules(permissions, roles);
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Starts enrolment with a new 160-bit secret; an earlier confirmed enrolment stays until this one is confirmed. */
    public TotpEnrolment start(KinshipUser user) {
        if (isEnrolled(user.id())) {
            throw new IllegalArgumentException("A second factor is already active; ask an administrator to reset it");
        }
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        enrolments.savePending(user.id(), secret, clock.instant());
        String encoded = Base32.encode(secret);
        String label = URLEncoder.encode(settings.totpIssuer() + ":" + user.username(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        String issuer = URLEncoder.encode(settings.totpIssuer(), StandardCharsets.UTF_8).replace("+", "%20");
        return new TotpEnrolment(encoded, "otpauth://totp/" + label + "?secret=" + encoded + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /** Activates the started enrolment when the code from the app is right. */
    public boolean confirm(KinshipUser user, String code) {
        boolean confirmed = verify(user.id(), code, true);
        if (confirmed) {
            events.publishEvent(new SecurityChanged(user.id(), user.username(), SecurityChanged.CONFIG_CHANGE, "user",
                    user.id(), Map.of("change", "totp_enrolled")));
        }
        return confirmed;
    }

    public boolean isEnrolled(String userId) {
        return enrolments.find(userId).map(MongoTotpRepository.Enrolment::confirmed).orElse(false);
    }

    public boolean requiredFor(KinshipUser user) {
        return settings.requiredFor(user.roles());
    }

    /** Checks a sign-in code of an enrolled user; each code works once. */
    public boolean verify(String userId, String code) {
        return verify(userId, code, false);
    }

    /** Removes a user's second factor (lost phone); same rules as other account changes, audited. */
    public void reset(KinshipUser actor, String userId) {
        Scope scope = rules.requireManager(actor, userId);
        rules.checkTarget(actor, scope, users.findById(userId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown user " + userId)));
        enrolments.delete(userId);
        events.publishEvent(new SecurityChanged(actor.id(), actor.username(), SecurityChanged.CONFIG_CHANGE, "user",
                userId, Map.of("change", "totp_reset")));
    }

    /**
     * The user removes their own second factor, proving it with a current code. Refused (and audited) when their
     * role requires one ({@code totp_required}).
     *
     * @return false when the code is wrong or already used
     */
    public boolean remove(KinshipUser user, String code) {
        if (requiredFor(user)) {
            throw rules.deny(user, user.id(), "totp_required");
        }
        if (!verify(user.id(), code)) {
            return false;
        }
        enrolments.delete(user.id());
        events.publishEvent(new SecurityChanged(user.id(), user.username(), SecurityChanged.CONFIG_CHANGE, "user",
                user.id(), Map.of("change", "totp_removed")));
        return true;
    }

    private boolean verify(String userId, String code, boolean enrolling) {
        Optional<MongoTotpRepository.Enrolment> enrolment = enrolments.find(userId);
        if (enrolment.isEmpty() || enrolment.get().confirmed() == enrolling) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(enrolment.get().secret(), code, clock.instant());
        return step.isPresent() && enrolments.use(userId, step.getAsLong());
    }
}

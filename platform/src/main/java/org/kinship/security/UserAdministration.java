package org.kinship.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.i18n.SupportedLocales;
import org.kinship.security.Permission.Scope;
import org.kinship.security.internal.MongoRoleRepository;
import org.kinship.security.internal.MongoUserAccountRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Account administration for the REST API and the admin screens: create, edit (roles, agency, language,
 * enabled), reset passwords. Escalation rules are in {@link UserManagementRules}; every change is audited
 * ({@code permission.change} when roles or agency change, {@code config.change} otherwise).
 */
@Service
public class UserAdministration {

    /** A new account. */
    public record NewUser(String username, String password, String displayName, Set<String> roles,
            @Nullable String agencyCode, @Nullable String preferredLocale, @Nullable String email) {
    }

    /** The editable fields of an account, based on {@code version}. */
    public record Profile(String displayName, Set<String> roles, @Nullable String agencyCode,
            @Nullable String preferredLocale, @Nullable String email, boolean enabled, long version) {
    }

    private final UserAccountService accounts;
    private final MongoUserAccountRepository users;
    private final UserManagementRules rules;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    UserAdministration(UserAccountService accounts, MongoUserAccountRepository users, MongoRoleRepository roles,
            PermissionService permissions, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.users = users;
        this.rules = new UserManagementRules(permissions, roles);
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** The accounts the actor manages: all, or those of their agency. */
    public List<UserAccount> users(KinshipUser actor) {
        Scope scope = rules.requireManager(actor, null);
        return scope == Scope.ALL ? users.findAll()
                : actor.agencyCode() == null ? List.of() : users.findByAgency(actor.agencyCode());
    }

    public UserAccount create(KinshipUser actor, NewUser user) {
        Scope scope = rules.requireManager(actor, null);
        rules.checkGrant(actor, scope, null, Set.of(), user.roles(), user.agencyCode());
        checkLocale(user.preferredLocale());
        String email = UserAccount.checkedEmail(user.email());
        UserAccount account = accounts.create(user.username(), user.password(), user.displayName(), user.roles(),
                user.agencyCode());
        if (user.preferredLocale() != null) {
            account = accounts.changePreferredLocale(account.id(), user.preferredLocale());
        }
        if (email != null) {
            account = users.update(account.withProfile(account.displayName(), account.roles(), account.agencyCode(),
                    account.preferredLocale(), email, account.enabled()));
        }
        changed(actor, account.id(), SecurityChanged.PERMISSION_CHANGE, Map.of("change", "created",
                "roles", sorted(account.roles()), "agency", String.valueOf(account.agencyCode())));
        return account;
    }

    /** @throws org.kinship.shared.StaleVersionException when someone else changed the account since the version */
    public UserAccount update(KinshipUser actor, String userId, Profile profile) {
        Scope scope = rules.requireManager(actor, userId);
        UserAccount current = find(userId);
        rules.checkTarget(actor, scope, current);
        rules.checkGrant(actor, scope, userId, current.roles(), profile.roles(), profile.agencyCode());
        if (profile.agencyCode() != null && accounts.findAgency(profile.agencyCode()).isEmpty()) {
            throw new IllegalArgumentException("Unknown agency: " + profile.agencyCode());
        }
        checkLocale(profile.preferredLocale());
        String email = UserAccount.checkedEmail(profile.email());
        UserAccount stored = users.update(current.withVersion(profile.version()).withProfile(profile.displayName(),
                profile.roles(), profile.agencyCode(), profile.preferredLocale(), email, profile.enabled()));
        audit(actor, current, stored);
        return stored;
    }

    /** Sets a new password chosen by the administrator; also clears a lock. */
    public UserAccount resetPassword(KinshipUser actor, String userId, String password) {
        Scope scope = rules.requireManager(actor, userId);
        UserAccount current = find(userId);
        rules.checkTarget(actor, scope, current);
        List<String> problems = PasswordPolicy.problems(current.username(), password);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Password is not acceptable: " + problems);
        }
        UserAccount stored = users.update(current.withPasswordHash(passwordEncoder.encode(password)));
        changed(actor, userId, SecurityChanged.CONFIG_CHANGE, Map.of("change", "password_reset"));
        return stored;
    }

    private void audit(KinshipUser actor, UserAccount before, UserAccount after) {
        Set<String> added = new HashSet<>(after.roles());
        added.removeAll(before.roles());
        Set<String> removed = new HashSet<>(before.roles());
        removed.removeAll(after.roles());
        boolean permissionChange = !added.isEmpty() || !removed.isEmpty()
                || !Objects.equals(before.agencyCode(), after.agencyCode()) || before.enabled() != after.enabled();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rolesAdded", sorted(added));
        details.put("rolesRemoved", sorted(removed));
        details.put("agency", String.valueOf(after.agencyCode()));
        details.put("enabled", String.valueOf(after.enabled()));
        changed(actor, after.id(), permissionChange ? SecurityChanged.PERMISSION_CHANGE : SecurityChanged.CONFIG_CHANGE,
                details);
    }

    private void changed(KinshipUser actor, String userId, String action, Map<String, String> details) {
        events.publishEvent(new SecurityChanged(actor.id(), actor.username(), action, "user", userId, details));
    }

    private static void checkLocale(@Nullable String languageTag) {
        if (languageTag != null && !SupportedLocales.isSupported(languageTag)) {
            throw new IllegalArgumentException("Unsupported language: " + languageTag);
        }
    }

    private UserAccount find(String userId) {
        return users.findById(userId).orElseThrow(() -> new IllegalArgumentException("Unknown user " + userId));
    }

    private static String sorted(Set<String> values) {
        return String.join(",", values.stream().sorted().toList());
    }
}

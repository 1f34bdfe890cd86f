package org.kinship.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.i18n.SupportedLocales;
import org.kinship.security.internal.MongoAgencyRepository;
import org.kinship.security.internal.MongoUserAccountRepository;
import org.kinship.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates and reads user accounts and agencies. */
@Service
public class UserAccountService {

    private final MongoUserAccountRepository users;
    private final MongoAgencyRepository agencies;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserAccountService(MongoUserAccountRepository users, MongoAgencyRepository agencies,
            PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events) {
        this.users = users;
        this.agencies = agencies;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
    }

    public long countUsers() {
        return users.count();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(username);
    }

    public Optional<UserAccount> findById(String id) {
        return users.findById(id);
    }

    /** The accounts of an agency (for routing work and notifications to its staff). */
    public List<UserAccount> usersOfAgency(String agencyCode) {
        return users.findByAgency(agencyCode);
    }

    public Optional<Agency> findAgency(String code) {
        return agencies.findByCode(code);
    }

    public List<Agency> agencies() {
        return agencies.findAll();
    }

    /**
     * Creates an account.
     *
     * @throws IllegalArgumentException when the user name is taken, the agency is unknown or the password
     *                                  breaks the {@link PasswordPolicy} (the message names each problem)
     */
    public UserAccount create(String username, String password, String displayName, Set<String> roles,
            @Nullable String agencyCode) {
        if (!username.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw new IllegalArgumentException("User name must be 3 to 64 letters, digits or . _ @ -: " + username);
        }
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("User name already taken: " + username);
        }
        if (agencyCode != null && agencies.findByCode(agencyCode).isEmpty()) {
            throw new IllegalArgumentException("Unknown agency: " + agencyCode);
        }
        List<String> problems = PasswordPolicy.problems(username, password);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Password for " + username + " is not acceptable: " + problems);
        }
        UserAccount account = new UserAccount(Ids.newId(), username.strip(), passwordEncoder.encode(password),
                displayName, roles, agencyCode, null, null, true, 0, null, null, clock.instant(), 0);
        users.insert(account);
        return account;
    }

    public Agency createAgency(String code, String name) {
        if (!code.matches("[A-Z0-9]{2,12}")) {
            throw new IllegalArgumentException("Agency code must be 2 to 12 capital letters or digits: " + code);
        }
        Agency agency = new Agency(Ids.newId(), code, name, 0);
        agencies.insert(agency);
        return agency;
    }

    /** Remembers the language a user chose; unsupported languages are refused. */
    public UserAccount changePreferredLocale(String userId, String languageTag) {
        if (!SupportedLocales.isSupported(languageTag)) {
            throw new IllegalArgumentException("Unsupported language: " + languageTag);
        }
        UserAccount account = users.findById(userId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown user " + userId));
        return users.update(account.withPreferredLocale(languageTag));
    }

    /**
     * The signed-in user changes their own password: the current one must be right (so that an unattended
     * session cannot take the account over) and the new one must follow the {@link PasswordPolicy}. Audited as
     * a configuration change.
     *
     * @throws IllegalArgumentException when the current password is wrong or the new one is not acceptable
     */
    public UserAccount changeOwnPassword(KinshipUser user, String currentPassword, String newPassword) {
        UserAccount account = users.findById(user.id())
                .orElseThrow(() -> new IllegalArgumentException("Unknown user " + user.id()));
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new IllegalArgumentException("The current password is not correct");
        }
        List<String> problems = PasswordPolicy.problems(account.username(), newPassword);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Password is not acceptable: " + problems);
        }
        UserAccount stored = users.update(account.withPasswordHash(passwordEncoder.encode(newPassword)));
        events.publishEvent(new SecurityChanged(user.id(), user.username(), SecurityChanged.CONFIG_CHANGE, "user",
                user.id(), java.util.Map.of("change", "password_changed")));
        return stored;
    }
}

package org.kinship.security.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

import org.kinship.security.DefaultRoles;
import org.kinship.security.FirstStartSettings;
import org.kinship.security.UserAccountService;
import org.kinship.shared.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates the first administrator; with {@code KINSHIP_DEMO=true} also two demo
 * agencies with a supervisor and two case workers each. Generated passwords go to the credentials file and to
 * standard output once, never to the log. There are no fixed default passwords.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final List<DemoAgency> DEMO_AGENCIES = List.of(
            new DemoAgency("HOPE", "Hope for Children (demo)", "hope"),
            new DemoAgency("RISE", "Rise Child Protection (demo)", "rise"));

    private final UserAccountService accounts;
    private final FirstStartSettings settings;
    private final CredentialsFile credentials;

    FirstStart(UserAccountService accounts, FirstStartSettings settings, StorageSettings storage) {
        this.accounts = accounts;
        this.settings = settings;
        this.credentials = new CredentialsFile(storage.resolve("initial-credentials.txt"));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countUsers() == 0) {
            createAdministrator();
        }
        if (settings.demo()) {
            seedDemo();
        }
    }

    private void createAdministrator() {
        String username = settings.admin().user();
        String given = settings.admin().password();
        String password = given == null || given.isBlank() ? generatePassword() : given;
        accounts.create(username, password, "Administrator", Set.of(DefaultRoles.ADMINISTRATOR), null);
        if (given == null || given.isBlank()) {
            credentials.append(username, password);
            System.out.println("Kinship: created the first administrator '" + username + "' with password "
                    + password + " (also written to " + credentials.path() + ")");
        }
        log.info("Created the first administrator '{}'", username);
    }

    private void seedDemo() {
        for (DemoAgency demo : DEMO_AGENCIES) {
            if (accounts.findAgency(demo.code()).isPresent()) {
                continue;
            }
            accounts.createAgency(demo.code(), demo.name());
            createDemoUser(demo.prefix() + ".supervisor", "Supervisor (" + demo.code() + ")",
                    DefaultRoles.SUPERVISOR, demo.code());
            for (int i = 1; i <= 2; i++) {
                createDemoUser(demo.prefix() + ".worker" + i, "Case worker " + i + " (" + demo.code() + ")",
                        DefaultRoles.CASE_WORKER, demo.code());
            }
            log.info("Seeded demo agency {}", demo.code());
        }
    }

    private void createDemoUser(String username, String displayName, String role, String agency) {
        String password = generatePassword();
        accounts.create(username, password, displayName, Set.of(role), agency);
        credentials.append(username, password);
        System.out.println("Kinship demo: " + username + " / " + password);
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    record DemoAgency(String code, String name, String prefix) {
    }
}

package org.kinship.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;

import org.kinship.security.FirstStartSettings;
import org.kinship.shared.StorageSettings;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Kinship where to open it and where the sign-in credentials are. Printed to standard
 * output (not the log), and it names the credentials file rather than repeating passwords.
 */
@Component
class StartupBanner {

    private final Environment environment;
    private final StorageSettings storage;
    private final FirstStartSettings firstStart;

    StartupBanner(Environment environment, StorageSettings storage, FirstStartSettings firstStart) {
        this.environment = environment;
        this.storage = storage;
        this.firstStart = firstStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printWhereToGo() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        Path credentials = storage.resolve("initial-credentials.txt");
        StringBuilder banner = new StringBuilder()
                .append(System.lineSeparator())
                .append("  Kinship is running at http://localhost:").append(port).append("/").append(System.lineSeparator())
                .append("  Data directory: ").append(storage.dataDir().toAbsolutePath().normalize())
                .append(storage.embedded() ? " (embedded MongoDB)" : " (external MongoDB)").append(System.lineSeparator());
        if (Files.exists(credentials)) {
            banner.append("  Sign-in credentials of the accounts created at first start (user password): ")
                    .append(credentials).append(System.lineSeparator());
        } else {
            banner.append("  Sign in as '").append(firstStart.admin().user())
                    .append("' with the password given in KINSHIP_ADMIN_PASSWORD.").append(System.lineSeparator());
        }
        if (firstStart.demo()) {
            banner.append("  Demo: agencies HOPE and RISE, users hope.supervisor, hope.worker1, hope.worker2, ")
                    .append("rise.supervisor, rise.worker1, rise.worker2").append(System.lineSeparator());
        }
        System.out.println(banner);
    }
}

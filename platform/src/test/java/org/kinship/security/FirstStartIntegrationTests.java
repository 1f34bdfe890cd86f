package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.PlatformTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the platform twice on the same persistent data directory, as a real restart would. */
class FirstStartIntegrationTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("kinship.data-dir=" + dataDir, "flowable.async-executor-activate=false",
                        "logging.level.org.flowable=WARN")
                .properties(properties)
                .run();
    }

    @Test
    void firstStartCreatesAdminAndDemoUsersWithGeneratedPasswordsThatSurviveARestart() throws Exception {
        try (ConfigurableApplicationContext context = start("kinship.demo=true")) {
            UserAccountService accounts = context.getBean(UserAccountService.class);
            assertThat(accounts.findByUsername("admin")).hasValueSatisfying(
                    admin -> assertThat(admin.roles()).containsExactly(DefaultRoles.ADMINISTRATOR));
            assertThat(accounts.agencies()).extracting(Agency::code).containsExactly("HOPE", "RISE");
            assertThat(accounts.findByUsername("rise.worker2")).isPresent();
        }

        Path credentials = dataDir.resolve("initial-credentials.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(credentials);
        assertThat(lines).hasSize(7).allSatisfy(line -> assertThat(line).matches("[a-z0-9.]+ \\S{20}"));
        assertThat(lines).extracting(line -> line.split(" ")[0]).containsExactly("admin", "hope.supervisor",
                "hope.worker1", "hope.worker2", "rise.supervisor", "rise.worker1", "rise.worker2");

        try (ConfigurableApplicationContext context = start("kinship.demo=true")) {
            UserAccountService accounts = context.getBean(UserAccountService.class);
            assertThat(accounts.countUsers()).isEqualTo(7);
            assertThat(accounts.findByUsername("hope.worker1")).isPresent();
        }
        assertThat(Files.readAllLines(credentials)).as("nothing created twice").hasSize(7);
    }

    @Test
    void adminPasswordFromTheEnvironmentIsUsedAndNotWrittenDown() {
        try (ConfigurableApplicationContext context = start("kinship.admin.user=coordinator",
                "kinship.admin.password=Given-By-The-Deployer-7")) {
            assertThat(context.getBean(UserAccountService.class).findByUsername("coordinator")).isPresent();
        }
        assertThat(dataDir.resolve("initial-credentials.txt")).doesNotExist();
    }
}

package org.kinship.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.PlatformTestApplication;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the platform again on the same data directory after its case index was deleted. */
class CaseIndexRestartIntegrationTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlatformTestApplication.class).web(WebApplicationType.NONE)
                .properties("kinship.data-dir=" + dataDir, "kinship.admin.password=Kivu-Lantern-Test-42",
                        "flowable.async-executor-activate=false", "logging.level.org.flowable=WARN")
                .run();
    }

    @Test
    void aMissingCaseIndexIsRebuiltFromMongoDbAtStart() throws IOException {
        String supervisorName;
        try (ConfigurableApplicationContext context = start()) {
            CaseForms.publish(context);
            CaseTestUsers users = new CaseTestUsers(context.getBean(UserAccountService.class));
            KinshipUser worker = users.worker("RSTA");
            supervisorName = users.supervisor("RSTA").username();
            CaseFileService cases = context.getBean(CaseFileService.class);
            CaseFiles.aRegisteredCase().named("Grace", "Uwase").registeredBy(cases, worker);
            CaseFiles.aRegisteredCase().named("Paul", "Habimana").registeredBy(cases, worker);
        }
        Path index = dataDir.resolve("index").resolve("cases");
        assertThat(index).isDirectory();
        deleteRecursively(index);

        try (ConfigurableApplicationContext context = start()) {
            KinshipUser supervisor = KinshipUser.of(
                    context.getBean(UserAccountService.class).findByUsername(supervisorName).orElseThrow());
            CasePage page = context.getBean(CaseListService.class).list(supervisor, CaseQuery.all());

            assertThat(page.items()).extracting(CaseSummary::name).containsExactlyInAnyOrder("Grace Uwase",
                    "Paul Habimana");
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

package org.kinship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Features depend one way: consent -> audit -> security, never back (ARCHITECTURE.md). */
class PackageDependencyTests {

    private static List<String> importsOf(String feature) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/kinship", feature))) {
            return files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream().filter(line -> line.startsWith("import "))
                            .map(line -> file.getFileName() + ": " + line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void securityKnowsNeitherTheAuditLogNorConsent() throws IOException {
        assertThat(importsOf("security")).noneMatch(line -> line.contains("org.kinship.audit")
                || line.contains("org.kinship.consent"));
    }

    @Test
    void theAuditLogDoesNotKnowConsent() throws IOException {
        assertThat(importsOf("audit")).noneMatch(line -> line.contains("org.kinship.consent"));
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() throws IOException {
        for (String feature : List.of("security", "audit", "consent", "reports")) {
            assertThat(importsOf(feature)).as(feature).noneMatch(line -> line.matches(
                    "import org\\.kinship\\.(?!" + feature + "\\.|shared\\.internal\\.mongo\\.)\\w+\\.internal\\..*"));
        }
    }
}

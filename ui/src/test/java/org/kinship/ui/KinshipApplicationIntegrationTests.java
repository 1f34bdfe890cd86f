package org.kinship.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.forms.FormDefinitionService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The runnable application on the embedded default: persistent stores in the data directory, health UP. */
class KinshipApplicationIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void startsOnTheEmbeddedDefaultWithItsStoresInTheDataDirectory() throws IOException, InterruptedException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KinshipApplication.class)
                .properties("kinship.data-dir=" + dataDir, "server.port=0", "flowable.async-executor-activate=false")
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"mongo\"", "\"workflow\"", "\"searchIndex\"");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(context.getBean(FormDefinitionService.class).latestVersion("registration"))
                    .as("the standard set is installed on first start").isPresent();
        }
        assertThat(dataDir.resolve("mongo.mv")).isRegularFile();
        assertThat(dataDir.resolve("workflow")).isDirectoryContaining(path -> path.toString().endsWith(".mv.db"));
        assertThat(dataDir.resolve("index")).isDirectory();
        assertThat(dataDir.resolve("initial-credentials.txt")).isRegularFile();
        assertThat(dataDir.resolve("logs/kinship.log")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys/template-signing.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}

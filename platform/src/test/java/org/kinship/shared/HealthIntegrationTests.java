package org.kinship.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIntegrationTest
class HealthIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpAndNamesMongoWorkflowAndSearchIndex() {
        HttpResponse<String> response = new ApiClient(port).getAnonymous("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"", "\"mongo\"", "\"workflow\"", "\"searchIndex\"");
    }

    @Test
    void healthDetailsAreForAdministratorsOnly() {
        ApiClient api = new ApiClient(port);

        assertThat(api.getAnonymous("/actuator/health").body()).doesNotContain("\"details\"");
        assertThat(api.get("/actuator/health", "admin", "Kivu-Lantern-Test-42").body())
                .contains("\"details\"", "\"mode\":\"embedded\"");
    }

    @Test
    void infoIsPublic() {
        HttpResponse<String> response = new ApiClient(port).getAnonymous("/actuator/info");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Kinship");
    }
}

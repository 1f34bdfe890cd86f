package org.kinship.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.cases.CaseTestUsers;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/service-levels}: the standard targets until edited, versioned, validated and audited edits. */
@PlatformIntegrationTest
class ServiceLevelApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = PlatformIntegrationTest.ADMIN;
    private static final String PASSWORD = PlatformIntegrationTest.ADMIN_PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    ServiceLevelService serviceLevels;

    @Autowired
    AuditLog audit;

    @Test
    void administratorsEditTheTargetsOnTheCurrentVersionOnly() {
        ApiClient api = new ApiClient(port);
        ServiceLevels before = serviceLevels.current();
        assertThat(before.forRisk("high")).isPresent();
        String body = "{\"targets\":[{\"riskLevel\":\"high\",\"assessmentHours\":12,\"casePlanHours\":48},"
                + "{\"riskLevel\":\"low\",\"assessmentHours\":240,\"casePlanHours\":960}]}";
        String version = "\"" + before.version() + "\"";

        assertThat(api.put("/api/v1/service-levels", body, ADMIN, PASSWORD).statusCode())
                .as("If-Match is required").isEqualTo(400);
        KinshipUser worker = new CaseTestUsers(accounts).worker("SLA");
        assertThat(api.put("/api/v1/service-levels", body, worker.username(), CaseTestUsers.PASSWORD, "If-Match",
                version).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = api.put("/api/v1/service-levels",
                "{\"targets\":[{\"riskLevel\":\"high\",\"assessmentHours\":0,\"casePlanHours\":48}]}", ADMIN,
                PASSWORD, "If-Match", version);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(read(invalid).path("detail").asString()).contains("high.assessmentHours");
        HttpResponse<String> duplicate = api.put("/api/v1/service-levels",
                "{\"targets\":[{\"riskLevel\":\"high\",\"assessmentHours\":1,\"casePlanHours\":2},"
                        + "{\"riskLevel\":\"high\",\"assessmentHours\":3,\"casePlanHours\":4}]}", ADMIN, PASSWORD,
                "If-Match", version);
        assertThat(duplicate.statusCode()).isEqualTo(422);

        HttpResponse<String> saved = api.put("/api/v1/service-levels", body, ADMIN, PASSWORD, "If-Match", version);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(read(saved).path("version").asLong()).isEqualTo(before.version() + 1);
        assertThat(serviceLevels.current().forRisk("high").orElseThrow().assessmentHours()).isEqualTo(12);
        assertThat(serviceLevels.current().forRisk("medium")).isEmpty();

        assertThat(api.put("/api/v1/service-levels", body, ADMIN, PASSWORD, "If-Match", version).statusCode())
                .as("a stale version").isEqualTo(409);
        JsonNode listed = read(api.get("/api/v1/service-levels", worker.username(), CaseTestUsers.PASSWORD));
        assertThat(listed.path("targets")).hasSize(2);

        assertThat(audit.search(new AuditQuery(null, "config.change", "service_levels", null, null, null), 0, 10)
                .entries()).isNotEmpty();
    }

    private static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

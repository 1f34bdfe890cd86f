package org.kinship.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.security.DefaultRoles;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIntegrationTest
class AuditApiIntegrationTests {

    private static final String ADMIN_PASSWORD = PlatformIntegrationTest.ADMIN_PASSWORD;
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    AuditLog audit;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void signInsSucceededAndFailedAreInTheAuditLog() {
        accounts.create("audited.worker", PASSWORD, "Audited", Set.of(DefaultRoles.CASE_WORKER), null);

        api.get("/api/v1/me", "audited.worker", PASSWORD);
        api.get("/api/v1/me", "audited.worker", "wrong-password");

        AuditPage page = audit.search(new AuditQuery("audited.worker", null, null, null, null, null), 0, 10);
        assertThat(page.entries()).extracting(AuditEntry::action)
                .contains(AuditActions.LOGIN_SUCCESS, AuditActions.LOGIN_FAILURE);
        assertThat(page.entries()).filteredOn(entry -> entry.action().equals(AuditActions.LOGIN_FAILURE))
                .first().satisfies(entry -> assertThat(entry.details()).containsEntry("reason", "bad_credentials"));
    }

    @Test
    void administratorsReadAndVerifyTheAuditLogOverTheApi() {
        HttpResponse<String> search = api.get("/api/v1/audit?action=login.success&size=5", "admin", ADMIN_PASSWORD);
        HttpResponse<String> verify = api.get("/api/v1/audit/verify", "admin", ADMIN_PASSWORD);

        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"action\":\"login.success\"", "\"hash\"", "\"total\"");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("\"intact\":true");
    }

    @Test
    void aCaseWorkerIsRefusedTheAuditLogAndTheAttemptIsAudited() {
        accounts.create("curious.worker", PASSWORD, "Curious", Set.of(DefaultRoles.CASE_WORKER), null);

        HttpResponse<String> response = api.get("/api/v1/audit", "curious.worker", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(audit.search(new AuditQuery("curious.worker", AuditActions.ACCESS_DENIED, "audit_log", null, null,
                null), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void aBadTimeFilterIsABadRequest() {
        HttpResponse<String> response = api.get("/api/v1/audit?from=yesterday", "admin", ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ISO-8601");
    }
}

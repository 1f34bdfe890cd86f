package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIntegrationTest
class AdminApiIntegrationTests {

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
        for (String code : new String[] {"ALFA", "BRAVO"}) {
            if (accounts.findAgency(code).isEmpty()) {
                accounts.createAgency(code, "Agency " + code);
                String prefix = code.toLowerCase();
                accounts.create(prefix + ".admin", PASSWORD, "Admin " + code, Set.of(DefaultRoles.AGENCY_ADMINISTRATOR),
                        code);
                accounts.create(prefix + ".worker", PASSWORD, "Worker " + code, Set.of(DefaultRoles.CASE_WORKER), code);
            }
        }
    }

    private String id(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    private long version(String username) {
        return accounts.findByUsername(username).orElseThrow().version();
    }

    private AuditEntry lastDenial(String username) {
        return audit.search(new AuditQuery(username, AuditActions.ACCESS_DENIED, null, null, null, null), 0, 1)
                .entries().getFirst();
    }

    private static void assertForbiddenProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anAdministratorSetsUpAgencyUserRolesAndGroupAndEveryChangeIsAudited() {
        assertThat(api.post("/api/v1/admin/agencies", "{\"code\":\"CHAR\",\"name\":\"Charlie\"}", "admin",
                ADMIN_PASSWORD).statusCode()).isEqualTo(201);
        HttpResponse<String> created = api.post("/api/v1/admin/users", """
                {"username":"charlie.sup","password":"%s","displayName":"Charlie supervisor",
                 "roles":["case_worker"],"agencyCode":"CHAR","preferredLocale":"fr"}""".formatted(PASSWORD),
                "admin", ADMIN_PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"preferredLocale\":\"fr\"").doesNotContain("password");
        String userId = id("charlie.sup");

        HttpResponse<String> promoted = api.put("/api/v1/admin/users/" + userId, """
                {"displayName":"Charlie supervisor","roles":["supervisor"],"agencyCode":"CHAR",
                 "preferredLocale":"fr","enabled":true,"version":%d}""".formatted(version("charlie.sup")),
                "admin", ADMIN_PASSWORD);
        HttpResponse<String> group = api.post("/api/v1/admin/groups", """
                {"name":"Charlie team","memberIds":["%s"],"agencyCodes":["CHAR","ALFA"],"version":0}"""
                .formatted(userId), "admin", ADMIN_PASSWORD);

        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(accounts.findById(userId).orElseThrow().roles()).containsExactly(DefaultRoles.SUPERVISOR);
        assertThat(group.statusCode()).isEqualTo(201);
        assertThat(audit.search(new AuditQuery("admin", AuditActions.PERMISSION_CHANGE, "user", userId, null, null),
                0, 10).entries()).extracting(entry -> entry.details().get("rolesAdded")).contains("supervisor");
        assertThat(audit.search(new AuditQuery("admin", AuditActions.CONFIG_CHANGE, "agency", "CHAR", null, null),
                0, 10).total()).isEqualTo(1);
    }

    @Test
    void aCaseWorkerCallingAnAdminEndpointIsRefusedAndAudited() {
        HttpResponse<String> response = api.get("/api/v1/admin/users", "alfa.worker", PASSWORD);

        assertForbiddenProblem(response);
        assertThat(lastDenial("alfa.worker").details()).containsEntry("reason", "missing_permission");
    }

    @Test
    void nobodyChangesTheirOwnRolesNotEvenAnAdministrator() {
        String adminId = id("admin");

        HttpResponse<String> response = api.put("/api/v1/admin/users/" + adminId, """
                {"displayName":"Administrator","roles":["administrator","supervisor"],"enabled":true,"version":%d}"""
                .formatted(version("admin")), "admin", ADMIN_PASSWORD);

        assertForbiddenProblem(response);
        assertThat(lastDenial("admin").details()).containsEntry("reason", "own_account");
        assertThat(lastDenial("admin").resourceId()).isEqualTo(adminId);
        assertThat(accounts.findById(adminId).orElseThrow().roles()).containsExactly(DefaultRoles.ADMINISTRATOR);
    }

    @Test
    void anAgencyAdministratorSeesAndCreatesUsersOfTheirOwnAgencyOnly() {
        HttpResponse<String> list = api.get("/api/v1/admin/users", "alfa.admin", PASSWORD);
        HttpResponse<String> own = api.post("/api/v1/admin/users", """
                {"username":"alfa.new","password":"%s","displayName":"New","roles":["case_worker"],
                 "agencyCode":"ALFA"}""".formatted(PASSWORD), "alfa.admin", PASSWORD);
        HttpResponse<String> other = api.post("/api/v1/admin/users", """
                {"username":"bravo.new","password":"%s","displayName":"New","roles":["case_worker"],
                 "agencyCode":"BRAVO"}""".formatted(PASSWORD), "alfa.admin", PASSWORD);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("alfa.worker").doesNotContain("bravo.worker", "\"admin\"");
        assertThat(own.statusCode()).isEqualTo(201);
        assertForbiddenProblem(other);
        assertThat(lastDenial("alfa.admin").details()).containsEntry("reason", "other_agency");
        assertThat(accounts.findByUsername("bravo.new")).isEmpty();
    }

    @Test
    void anAgencyAdministratorCannotEditAnotherAgencysUser() {
        String bravoWorker = id("bravo.worker");

        HttpResponse<String> response = api.post("/api/v1/admin/users/" + bravoWorker + "/password",
                "{\"password\":\"Another-Long-Secret-77\"}", "alfa.admin", PASSWORD);

        assertForbiddenProblem(response);
        assertThat(lastDenial("alfa.admin").resourceId()).isEqualTo(bravoWorker);
        assertThat(api.get("/api/v1/me", "bravo.worker", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anAgencyAdministratorCannotGrantTheAdministratorRole() {
        String alfaWorker = id("alfa.worker");

        HttpResponse<String> response = api.put("/api/v1/admin/users/" + alfaWorker, """
                {"displayName":"Worker ALFA","roles":["case_worker","administrator"],"agencyCode":"ALFA",
                 "enabled":true,"version":%d}""".formatted(version("alfa.worker")), "alfa.admin", PASSWORD);

        assertForbiddenProblem(response);
        assertThat(lastDenial("alfa.admin").details()).containsEntry("reason", "role_not_grantable");
        assertThat(accounts.findById(alfaWorker).orElseThrow().roles()).containsExactly(DefaultRoles.CASE_WORKER);
    }

    @Test
    void aDisabledAccountCannotSignInAndTheChangeIsAudited() {
        accounts.create("alfa.leaver", PASSWORD, "Leaver", Set.of(DefaultRoles.CASE_WORKER), "ALFA");
        String leaver = id("alfa.leaver");

        HttpResponse<String> response = api.put("/api/v1/admin/users/" + leaver, """
                {"displayName":"Leaver","roles":["case_worker"],"agencyCode":"ALFA","enabled":false,"version":%d}"""
                .formatted(version("alfa.leaver")), "alfa.admin", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", "alfa.leaver", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(audit.search(new AuditQuery("alfa.admin", AuditActions.PERMISSION_CHANGE, "user", leaver, null,
                null), 0, 1).entries().getFirst().details()).containsEntry("enabled", "false");
    }

    @Test
    void anAgencyAdministratorMayNotChangeGroupsThatSpanAgencies() {
        HttpResponse<String> response = api.post("/api/v1/admin/groups",
                "{\"name\":\"Sneaky\",\"memberIds\":[],\"agencyCodes\":[],\"version\":0}", "alfa.admin", PASSWORD);

        assertForbiddenProblem(response);
        assertThat(api.get("/api/v1/admin/groups", "alfa.admin", PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorPutsAUserInGroupsButNeverThemselves() {
        String worker = id("bravo.worker");
        String groupId = api.post("/api/v1/admin/groups", "{\"name\":\"Bravo night team\",\"memberIds\":[],"
                + "\"agencyCodes\":[\"BRAVO\"],\"version\":0}", "admin", ADMIN_PASSWORD).body()
                .replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");

        HttpResponse<String> assigned = api.put("/api/v1/admin/users/" + worker + "/groups",
                "{\"groupIds\":[\"" + groupId + "\"]}", "admin", ADMIN_PASSWORD);
        HttpResponse<String> self = api.put("/api/v1/admin/users/" + id("admin") + "/groups",
                "{\"groupIds\":[\"" + groupId + "\"]}", "admin", ADMIN_PASSWORD);

        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.body()).contains("Bravo night team", worker);
        assertForbiddenProblem(self);
        assertThat(lastDenial("admin").details()).containsEntry("reason", "own_account");
    }

    @Test
    void roleEditsNeedTheCurrentVersionAndApplyAtTheNextRequest() {
        accounts.create("analyst.one", PASSWORD, "Analyst", Set.of(DefaultRoles.DATA_ANALYST), null);
        assertThat(api.get("/api/v1/audit", "analyst.one", PASSWORD).statusCode()).isEqualTo(403);

        String body = """
                {"labels":{"en":"Data analyst"},"permissions":["report:view:all","audit_log:view:all"],"version":%d}""";
        HttpResponse<String> stale = api.put("/api/v1/admin/roles/data_analyst", body.formatted(99), "admin",
                ADMIN_PASSWORD);
        HttpResponse<String> updated = api.put("/api/v1/admin/roles/data_analyst", body.formatted(0), "admin",
                ADMIN_PASSWORD);

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit", "analyst.one", PASSWORD).statusCode()).isEqualTo(200);
        api.put("/api/v1/admin/roles/data_analyst", """
                {"labels":{"en":"Data analyst"},"permissions":["report:view:all","report:export:all"],"version":1}""",
                "admin", ADMIN_PASSWORD);
    }
}

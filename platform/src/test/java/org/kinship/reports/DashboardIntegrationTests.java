package org.kinship.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.reports.GeneratedChildren.Child;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = CaseTestUsers.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    RecordModuleService modules;
    @Autowired
    CaseFileService cases;
    @Autowired
    MutableClock clock;

    ApiClient api;
    KinshipUser worker;
    KinshipUser supervisor;
    KinshipUser analyst;
    List<Child> children;

    @BeforeAll
    void generate() {
        api = new ApiClient(port);
        ReportTestModule.install(forms, lookups, modules);
        CaseTestUsers users = new CaseTestUsers(accounts);
        worker = users.worker("DSA");
        KinshipUser colleague = users.worker("DSA");
        KinshipUser elsewhere = users.worker("DSB");
        supervisor = users.supervisor("DSA");
        analyst = users.create(DefaultRoles.DATA_ANALYST, "DSA");
        children = new GeneratedChildren(3).register(cases, List.of(worker, colleague, elsewhere), 30, clock,
                Instant.parse("2026-03-20T08:00:00Z")).children();
        cases.close(worker, children.stream().filter(c -> c.ownerId().equals(worker.id())).findFirst().orElseThrow()
                .caseId(), null, "Reunified with the family");
    }

    @Test
    void aCaseWorkerSeesTheirOpenCasesByRiskLevelEachLinkingToTheFilteredList() {
        JsonNode tile = tile(dashboard(worker), "cases.my-open");
        List<Child> open = children.stream().filter(c -> c.ownerId().equals(worker.id())).skip(1).toList();

        assertThat(tile.path("total").asLong()).isEqualTo(open.size());
        assertThat(tile.path("title").asString()).isEqualTo("My open cases");
        Map<String, Long> byRisk = new HashMap<>();
        tile.path("figures").forEach(f -> byRisk.put(f.path("key").asString(), f.path("count").asLong()));
        for (String risk : ReportTestModule.RISKS) {
            assertThat(byRisk.get(risk)).as(risk).isEqualTo(open.stream().filter(c -> c.risk().equals(risk)).count());
        }
        // other test classes' modules offer risk levels too (the figures follow the modules' order): find "high"
        JsonNode high = tile.path("figures").valueStream().filter(f -> f.path("key").asString().equals("high"))
                .findFirst().orElse(JSON.missingNode());
        assertThat(high.path("link").asString())
                .isEqualTo("cases?status=OPEN&owner=" + worker.id() + "&riskLevel=high");
        assertThat(tile(dashboard(worker), "cases.team-open").isMissingNode()).isTrue();
    }

    @Test
    void aSupervisorSeesTheAgencysOpenCasesAndNewCasesThisMonth() {
        Instant before = clock.instant();
        clock.set(Instant.parse("2026-04-10T12:00:00Z"));
        JsonNode dashboard;
        try {
            dashboard = dashboard(supervisor);
        } finally {
            clock.set(before); // the clock is shared by every test of the Spring context
        }
        List<Child> agency = children.stream().filter(c -> c.agency().equals("DSA")).toList();

        assertThat(tile(dashboard, "cases.team-open").path("total").asLong()).isEqualTo(agency.size() - 1);
        long april = agency.stream().filter(c -> YearMonth.from(c.registeredAt().atZone(ZoneOffset.UTC))
                .equals(YearMonth.of(2026, 4))).count();
        JsonNode fresh = tile(dashboard, "cases.new-this-month");
        assertThat(fresh.path("total").asLong()).isEqualTo(april);
        assertThat(fresh.path("link").asString()).isEqualTo("cases?registeredFrom=2026-04-01");
        List<String> order = dashboard.path("tiles").valueStream().map(t -> t.path("id").asString()).toList();
        assertThat(order).containsSubsequence("cases.my-open", "cases.team-open", "cases.new-this-month");
    }

    @Test
    void aSupervisorsTeamViewCountsTheOpenCasesOfEachCaseWorkerLinkingToTheirList() {
        JsonNode tile = tile(dashboard(supervisor), "cases.team-owners");
        Map<String, Long> expected = new HashMap<>();
        children.stream().filter(c -> c.agency().equals("DSA")).forEach(c -> expected.merge(c.ownerId(), 1L, Long::sum));
        expected.merge(worker.id(), -1L, Long::sum); // the case closed at the start

        Map<String, Long> counted = new HashMap<>();
        tile.path("figures").forEach(f -> counted.put(f.path("key").asString(), f.path("count").asLong()));
        assertThat(counted).isEqualTo(expected);
        assertThat(tile.path("total").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        JsonNode first = tile.path("figures").get(0);
        assertThat(first.path("count").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).max()
                .orElseThrow());
        assertThat(first.path("link").asString()).isEqualTo("cases?status=OPEN&owner=" + first.path("key").asString());
        assertThat(first.path("label").asString()).isEqualTo(accounts.findById(first.path("key").asString())
                .orElseThrow().displayName());
        assertThat(tile(dashboard(worker), "cases.team-owners").isMissingNode()).as("own scope: no team").isTrue();
    }

    @Test
    void aDataAnalystWithoutCaseAccessGetsNoCaseTiles() {
        assertThat(dashboard(analyst).path("tiles").valueStream().map(t -> t.path("id").asString()))
                .noneMatch(id -> id.startsWith("cases."));
    }

    @Test
    void tilesAreTranslated() {
        HttpResponse<String> french = api.get("/api/v1/dashboard", worker.username(), PASSWORD, "Accept-Language",
                "fr");
        assertThat(tile(JSON.readTree(french.body()), "cases.my-open").path("title").asString())
                .isEqualTo("Mes dossiers ouverts");
    }

    private JsonNode dashboard(KinshipUser user) {
        HttpResponse<String> response = api.get("/api/v1/dashboard", user.username(), PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode tile(JsonNode dashboard, String id) {
        return dashboard.path("tiles").valueStream().filter(t -> t.path("id").asString().equals(id)).findFirst()
                .orElse(JSON.missingNode());
    }
}

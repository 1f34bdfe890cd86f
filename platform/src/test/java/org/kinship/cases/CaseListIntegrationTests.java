package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.cases.CaseFileLifecycleIntegrationTests.read;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    MutableClock clock;

    ApiClient api;
    KinshipUser workerA;
    KinshipUser otherWorkerA;
    KinshipUser supervisorA;
    KinshipUser workerB;
    CaseFile amina;
    CaseFile fatou;
    LocalDate firstDay;

    @BeforeAll
    void registerCasesOfTwoAgencies() {
        api = new ApiClient(port);
        CaseTestUsers users = new CaseTestUsers(accounts);
        workerA = users.worker("LSTA");
        otherWorkerA = users.worker("LSTA");
        supervisorA = users.supervisor("LSTA");
        workerB = users.worker("LSTB");
        firstDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        amina = CaseFiles.aRegisteredCase().named("Amina", "Bakari").ofSex("female").aged(9)
                .livingIn("CD-NK-GOMA").atRisk("medium").registeredBy(cases, workerA);
        clock.advance(Duration.ofDays(2));
        CaseFiles.aRegisteredCase().named("Jean", "Mukendi").ofSex("male").aged(14).livingIn("CD-NK-RUTSHURU")
                .atRisk("high").registeredBy(cases, workerA);
        clock.advance(Duration.ofDays(2));
        CaseFiles.aRegisteredCase().named("Aïcha", "Diallo").ofSex("female").aged(4).livingIn("CD-NK-GOMA-KATINDO")
                .atRisk("low").registeredBy(cases, workerA);
        CaseFiles.aRegisteredCase().named("Omar", "Said").ofSex("male").aged(16).livingIn("CD-SK-BUKAVU")
                .atRisk("high").registeredBy(cases, otherWorkerA);
        fatou = CaseFiles.aRegisteredCase().named("Fatou", "Ndiaye").ofSex("female").aged(10).livingIn("CD-NK-GOMA")
                .atRisk("medium").registeredBy(cases, workerB);
    }

    @Test
    void aCaseWorkerListsOnlyTheCasesTheyOwn() {
        assertThat(names(workerA, "sort=name,asc")).containsExactly("Aïcha Diallo", "Amina Bakari", "Jean Mukendi");
        assertThat(names(workerB, "")).containsExactly("Fatou Ndiaye");
    }

    @Test
    void aSupervisorListsTheirAgencysCasesButNoOtherAgencys() {
        assertThat(names(supervisorA, "sort=name,asc"))
                .containsExactly("Aïcha Diallo", "Amina Bakari", "Jean Mukendi", "Omar Said");
    }

    @Test
    void aCaseOfAnotherAgencyAnswersNotFoundWhenAskedForById() {
        assertThat(api.get("/api/v1/cases/" + amina.id(), workerB.username(), CaseTestUsers.PASSWORD).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + amina.id() + "/history", workerB.username(), CaseTestUsers.PASSWORD)
                .statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + fatou.id(), supervisorA.username(), CaseTestUsers.PASSWORD).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + amina.id(), supervisorA.username(), CaseTestUsers.PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void filtersCombineRiskSexAgeLocationAndRegistrationDate() {
        assertThat(names(supervisorA, "riskLevel=high&sort=name,asc")).containsExactly("Jean Mukendi", "Omar Said");
        assertThat(names(supervisorA, "sex=female&minAge=5&maxAge=12")).containsExactly("Amina Bakari");
        assertThat(names(supervisorA, "location=CD-NK-GOMA&sort=name,asc")).containsExactly("Aïcha Diallo",
                "Amina Bakari");
        assertThat(names(supervisorA, "registeredFrom=" + firstDay.plusDays(1) + "&registeredTo=" + firstDay.plusDays(3)))
                .containsExactly("Jean Mukendi");
        assertThat(names(supervisorA, "owner=" + otherWorkerA.id())).containsExactly("Omar Said");
        assertThat(names(supervisorA, "status=CLOSED")).isEmpty();
    }

    @Test
    void freeTextFindsNamesWithoutAccentsAndCaseNumbers() {
        assertThat(names(supervisorA, "q=aicha")).containsExactly("Aïcha Diallo");
        assertThat(names(supervisorA, "q=muk")).containsExactly("Jean Mukendi");
        assertThat(names(supervisorA, "q=" + amina.caseNumber())).containsExactly("Amina Bakari");
    }

    @Test
    void listsAreSortedAndPaged() {
        JsonNode first = list(supervisorA, "sort=age,desc&size=3&page=0");
        JsonNode second = list(supervisorA, "sort=age,desc&size=3&page=1");

        assertThat(first.path("total").asLong()).isEqualTo(4);
        assertThat(namesOf(first)).containsExactly("Omar Said", "Jean Mukendi", "Amina Bakari");
        assertThat(namesOf(second)).containsExactly("Aïcha Diallo");
        assertThat(first.at("/items/0/age").asInt()).isEqualTo(16);
        assertThat(namesOf(list(supervisorA, "sort=registeredAt,asc&size=1")))
                .containsExactly("Amina Bakari");
        assertThat(api.get("/api/v1/cases?sort=shoeSize", supervisorA.username(), CaseTestUsers.PASSWORD)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theListFollowsEveryWrite() {
        CaseFile file = cases.get(workerA, amina.id());
        CaseFile closed = cases.close(workerA, file.id(), file.version(), "Reunified");
        try {
            assertThat(names(supervisorA, "status=CLOSED")).containsExactly("Amina Bakari");
        } finally {
            cases.reopen(workerA, closed.id(), closed.version(), "Test done");
        }
        assertThat(names(supervisorA, "status=CLOSED")).isEmpty();
    }

    private List<String> names(KinshipUser user, String query) {
        return namesOf(list(user, query));
    }

    private JsonNode list(KinshipUser user, String query) {
        var response = api.get("/api/v1/cases?" + query, user.username(), CaseTestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    private static List<String> namesOf(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").asString()));
        return names;
    }
}

package org.kinship.cases;

import java.util.List;
import java.util.ArrayList;
import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.cases.CaseFileLifecycleIntegrationTests.read;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class CaseDataIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseListService lists;

    ApiClient api;
    KinshipUser worker;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        worker = new CaseTestUsers(accounts).worker("DATA");
    }

    @Test
    void keysThatStartWithADollarOrHoldADotAreRefusedAndNothingIsStored() {
        HttpResponse<String> dollar = register("{\"module\":\"child-protection\",\"data\":{\"$where\":\"1\"}}");
        HttpResponse<String> dotted = register(
                "{\"module\":\"child-protection\",\"data\":{\"family\":[{\"name.first\":\"x\"}]}}");

        assertThat(dollar.statusCode()).isEqualTo(422);
        JsonNode problem = read(dollar);
        assertThat(problem.at("/errors/0/path").asString()).isEqualTo("/$where");
        assertThat(problem.at("/errors/0/message").asString()).contains("$where");
        assertThat(dotted.statusCode()).isEqualTo(422);
        assertThat(read(dotted).at("/errors/0/path").asString()).isEqualTo("/family/0/name.first");
        assertThat(lists.list(worker, CaseQuery.all()).total()).isZero();
    }

    @Test
    void aBadKeyInAnEditIsRefusedAndTheCaseKeepsItsVersion() {
        JsonNode file = read(register(CaseFiles.aRegisteredCase().json()));
        String id = file.path("id").asString();

        HttpResponse<String> refused = api.patch("/api/v1/cases/" + id, "{\"data\":{\"notes\":{\"$set\":{\"x\":1}}}}", worker.username(), CaseTestUsers.PASSWORD, "If-Match", "1");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(read(refused).at("/errors/0/path").asString()).isEqualTo("/notes/$set");
        assertThat(read(get("/api/v1/cases/" + id)).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void unknownModulesAndSectionsAreNamedInTheRefusal() {
        HttpResponse<String> module = register("{\"module\":\"gardening\",\"data\":{}}");
        String id = read(register(CaseFiles.aRegisteredCase().json())).path("id").asString();
        HttpResponse<String> section = api.patch("/api/v1/cases/" + id, "{\"section\":\"horoscope\",\"data\":{\"sign\":\"leo\"}}", worker.username(), CaseTestUsers.PASSWORD, "If-Match", "1");

        assertThat(module.statusCode()).isEqualTo(400);
        assertThat(read(module).path("detail").asString()).contains("gardening");
        assertThat(section.statusCode()).isEqualTo(400);
        assertThat(read(section).path("detail").asString()).contains("horoscope");
    }

    @Test
    void dataOverTheSizeLimitIsRefusedAsTooLarge() {
        String big = "x".repeat(300 * 1024);

        HttpResponse<String> refused = register("{\"module\":\"child-protection\",\"data\":{\"story\":\"" + big + "\"}}");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(read(refused).path("detail").asString()).contains("256");
    }

    @Test
    void aSectionAddedLaterIsFilledAndItsFieldsFeedTheRiskLevel() {
        String id = read(register(CaseFiles.aRegisteredCase().atRisk("low").json())).path("id").asString();

        HttpResponse<String> assessed = api.patch("/api/v1/cases/" + id, "{\"section\":\"initial_assessment\",\"data\":{\"risk_level\":\"high\",\"needs\":[\"shelter\",\"school\"]}}", worker.username(), CaseTestUsers.PASSWORD,
                "If-Match", "1");

        assertThat(assessed.statusCode()).isEqualTo(200);
        JsonNode file = read(assessed);
        assertThat(file.at("/sections/initial_assessment/formId").asString()).isEqualTo("initial_assessment");
        assertThat(file.at("/sections/initial_assessment/formVersion").asInt()).isEqualTo(1);
        assertThat(file.at("/sections/initial_assessment/data/needs/1").asString()).isEqualTo("school");
        assertThat(file.path("riskLevel").asString()).isEqualTo("high");
    }

    @Test
    void dataThatFailsTheFormAnswers422WithEveryFieldProblemTranslatedAndStoresNothing() {
        String body = "{\"module\":\"child-protection\",\"data\":{\"family_name\":\"Bakari\",\"sex\":\"dragon\","
                + "\"estimated_age\":40,\"favourite_colour\":\"blue\"}}";

        HttpResponse<String> refused = api.post("/api/v1/cases", body, worker.username(), CaseTestUsers.PASSWORD,
                "Accept-Language", "fr");

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = read(refused);
        List<String> paths = new ArrayList<>();
        problem.path("errors").forEach(error -> paths.add(error.path("path").asString()));
        assertThat(paths).contains("/given_name", "/sex", "/estimated_age", "/favourite_colour");
        assertThat(problem.path("errors").toString()).contains("Given name (fr)");
        assertThat(lists.list(worker, CaseQuery.all()).total()).isZero();
    }

    @Test
    void calculationsAreAppliedAndFieldsHiddenByAConditionAreNotStored() {
        String body = CaseFiles.aRegisteredCase().with("date_of_birth", "2016-02-01").aged(12).json();

        JsonNode file = read(register(body));

        JsonNode data = file.at("/sections/registration/data");
        assertThat(data.path("age").isNumber()).isTrue();
        assertThat(data.has("estimated_age")).isFalse();
        assertThat(file.at("/sections/registration/formVersion").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> register(String json) {
        return api.post("/api/v1/cases", json, worker.username(), CaseTestUsers.PASSWORD);
    }

    private HttpResponse<String> get(String path) {
        return api.get(path, worker.username(), CaseTestUsers.PASSWORD);
    }
}

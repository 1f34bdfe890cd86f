package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
@Import(CaseFileLifecycleIntegrationTests.Events.class)
class CaseFileLifecycleIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    Events events;

    ApiClient api;
    KinshipUser worker;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        worker = new CaseTestUsers(accounts).worker("LIFE");
    }

    @Test
    void aCaseIsRegisteredEditedTwiceRefusedOnAStaleVersionClosedAndReopenedWithEveryChangeInItsHistory() {
        HttpResponse<String> registered = post("/api/v1/cases", CaseFiles.aRegisteredCase().json());
        assertThat(registered.statusCode()).isEqualTo(201);
        JsonNode created = read(registered);
        String id = created.path("id").asString();
        assertThat(created.path("caseNumber").asString()).matches("LIFE-\\d{4}-\\d{5}");
        assertThat(created.path("status").asString()).isEqualTo("OPEN");
        assertThat(created.path("ownerId").asString()).isEqualTo(worker.id());
        assertThat(created.path("agencyCode").asString()).isEqualTo("LIFE");
        assertThat(created.path("riskLevel").asString()).isEqualTo("medium");
        assertThat(created.path("version").asLong()).isEqualTo(1);
        assertThat(registered.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> first = patch(id, "1", "{\"data\":{\"given_name\":\"Aminata\"}}");
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> second = patch(id, "2",
                "{\"section\":\"registration\",\"data\":{\"given_name\":\"Amina\",\"estimated_age\":10}}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(read(second).path("version").asLong()).isEqualTo(3);

        JsonNode history = read(get("/api/v1/cases/" + id + "/history"));
        List<String> nameChanges = new ArrayList<>();
        history.forEach(change -> {
            if (change.path("path").asString().equals("registration/given_name")) {
                nameChanges.add(text(change.path("oldValue")) + "->" + change.path("newValue").asString()
                        + "@" + change.path("version").asLong() + " by " + change.path("changedBy").asString());
            }
        });
        assertThat(nameChanges).containsExactly("null->Amina@1 by " + worker.id(), "Amina->Aminata@2 by " + worker.id(),
                "Aminata->Amina@3 by " + worker.id());

        HttpResponse<String> stale = patch(id, "1", "{\"data\":{\"family_name\":\"Lost\"}}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(stale);
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(3);
        assertThat(problem.path("changed").toString()).contains("registration/given_name", "registration/estimated_age");
        JsonNode unchanged = read(get("/api/v1/cases/" + id));
        assertThat(unchanged.at("/sections/registration/data/family_name").asString()).isEqualTo("Bakari");
        assertThat(unchanged.path("version").asLong()).isEqualTo(3);

        HttpResponse<String> closed = post("/api/v1/cases/" + id + "/close", "{\"reason\":\"Reunified with family\"}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(read(closed).path("status").asString()).isEqualTo("CLOSED");
        assertThat(patch(id, "4", "{\"data\":{\"age\":11}}").statusCode()).isEqualTo(409);
        HttpResponse<String> reopened = post("/api/v1/cases/" + id + "/reopen", "{\"reason\":\"Placement broke down\"}");
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(read(reopened).path("status").asString()).isEqualTo("OPEN");
        assertThat(read(reopened).path("version").asLong()).isEqualTo(5);

        assertThat(read(get("/api/v1/cases/" + id + "/history")).toString())
                .contains("\"path\":\"status\",\"oldValue\":\"OPEN\",\"newValue\":\"CLOSED\"")
                .contains("\"path\":\"status\",\"oldValue\":\"CLOSED\",\"newValue\":\"OPEN\"");
        assertThat(events.of(id)).containsExactly("CaseRegistered", "CaseSectionChanged", "CaseSectionChanged",
                "CaseClosed", "CaseReopened");
        assertThat(events.readsOf(id)).containsExactly("history", "case", "history");
    }

    @Test
    void notesAndFlagsAreAddedAndAFlagIsResolvedWithAComment() {
        String id = read(post("/api/v1/cases", CaseFiles.aRegisteredCase().json())).path("id").asString();

        assertThat(post("/api/v1/cases/" + id + "/notes", "{\"text\":\"Met the aunt in Goma.\"}").statusCode())
                .isEqualTo(201);
        JsonNode flagged = read(post("/api/v1/cases/" + id + "/flags", "{\"reason\":\"Missing from shelter\"}"));
        String flagId = flagged.at("/flags/0/id").asString();
        HttpResponse<String> resolved = post("/api/v1/cases/" + id + "/flags/" + flagId + "/resolve",
                "{\"comment\":\"Back at the shelter\"}");

        assertThat(resolved.statusCode()).isEqualTo(200);
        JsonNode file = read(resolved);
        assertThat(file.at("/notes/0/text").asString()).isEqualTo("Met the aunt in Goma.");
        assertThat(file.at("/flags/0/resolution").asString()).isEqualTo("Back at the shelter");
        assertThat(file.at("/flags/0/resolvedBy").asString()).isEqualTo(worker.id());
        assertThat(post("/api/v1/cases/" + id + "/flags/" + flagId + "/resolve", "{\"comment\":\"again\"}")
                .statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/cases/" + id + "/notes", "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(events.of(id)).contains("CaseNoteAdded", "CaseFlagged", "CaseFlagResolved");
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedAndProblemsSpeakTheCallersLanguage() {
        String id = read(post("/api/v1/cases", CaseFiles.aRegisteredCase().json())).path("id").asString();

        HttpResponse<String> missing = api.patch("/api/v1/cases/" + id, "{\"data\":{\"age\":3}}", worker.username(), CaseTestUsers.PASSWORD, "Accept-Language", "fr");

        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(read(missing).path("detail").asString()).contains("If-Match").contains("Envoyez");
    }

    private HttpResponse<String> post(String path, String json) {
        return api.post(path, json, worker.username(), CaseTestUsers.PASSWORD);
    }

    private HttpResponse<String> patch(String id, String version, String json) {
        return api.patch("/api/v1/cases/" + id, json, worker.username(), CaseTestUsers.PASSWORD, "If-Match",
                "\"" + version + "\"");
    }

    private HttpResponse<String> get(String path) {
        return api.get(path, worker.username(), CaseTestUsers.PASSWORD);
    }

    private static String text(JsonNode node) {
        return node.isNull() ? "null" : node.asString();
    }

    static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Events {

        private final List<CaseEvent> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CaseEvent event) {
            received.add(event);
        }

        /** The writes to a case, in order. */
        List<String> of(String caseId) {
            return received.stream().filter(e -> e.caseId().equals(caseId)).filter(e -> !(e instanceof CaseViewed))
                    .map(e -> e.getClass().getSimpleName()).toList();
        }

        List<String> readsOf(String caseId) {
            return received.stream().filter(e -> e.caseId().equals(caseId)).filter(CaseViewed.class::isInstance)
                    .map(e -> ((CaseViewed) e).what()).toList();
        }
    }
}

package org.kinship.workflows.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseTestUsers;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped {@code referral} process driven by the referrals API: the recipient's response task carries the
 * provider's deadline, becomes overdue when the clock passes it (timers fired by hand, never sleeping), is seen by
 * the sending worker on the case, and moves on with accept and done; revoking ends it.
 */
@PlatformIntegrationTest
class ReferralProcessIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = CaseTestUsers.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    UserAccountService accounts;
    @Autowired
    ConsentService consent;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    MutableClock clock;

    ApiClient api;
    KinshipUser workerA;
    KinshipUser supervisorA;
    KinshipUser workerB;
    String providerB;

    @BeforeEach
    void setUp() {
        org.kinship.cases.CaseForms.publish(context);
        clock.set(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        api = new ApiClient(port);
        CaseTestUsers users = new CaseTestUsers(accounts);
        String suffix = String.valueOf(System.nanoTime() % 100_000);
        workerA = users.worker("RPA" + suffix);
        supervisorA = users.supervisor("RPA" + suffix);
        workerB = users.worker("RPB" + suffix);
        HttpResponse<String> type = admin("POST", "/api/v1/services",
                Map.of("code", "psychosocial", "label", Map.of("en", "Psychosocial support")));
        assertThat(type.statusCode()).as(type.body()).isIn(201, 409);
        HttpResponse<String> provider = admin("POST", "/api/v1/providers", Map.of("name", "PSS " + suffix,
                "agencyCode", workerB.agencyCode(), "services", List.of("psychosocial"), "locations", List.of("CD"),
                "responseHours", 48));
        assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
        providerB = read(provider).path("id").asString();
    }

    @Test
    void theResponseTaskIsOverdueForTheRecipientWhenTheDeadlinePassesAndTheSenderSeesIt() {
        Instant referredAt = clock.instant();
        String caseId = registeredWithConsent();
        JsonNode referral = refer(caseId);
        assertThat(referral.path("processInstanceId").asString()).isNotBlank();

        JsonNode response = task(workerB, "/api/v1/tasks", caseId, "respond");
        assertThat(Instant.parse(response.path("due").asString())).isEqualTo(referredAt.plus(Duration.ofHours(48)));
        assertThat(response.path("overdue").asBoolean()).isFalse();
        assertThat(task(workerA, "/api/v1/cases/" + caseId + "/tasks", caseId, "respond").path("id").asString())
                .isEqualTo(response.path("id").asString());
        assertThat(notifications(workerB)).contains("referral.in_progress");

        clock.advance(Duration.ofHours(49));
        fireDueTimers(referral.path("processInstanceId").asString());

        assertThat(task(workerB, "/api/v1/tasks?state=overdue", caseId, "respond").path("overdue").asBoolean())
                .isTrue();
        assertThat(task(workerA, "/api/v1/cases/" + caseId + "/tasks", caseId, "respond").path("overdue").asBoolean())
                .isTrue();
        assertThat(notifications(supervisorA)).contains("task.overdue");

        String id = referral.path("id").asString();
        assertThat(post(workerB, "/api/v1/referrals/" + id + "/accept").statusCode()).isEqualTo(200);
        assertThat(taskKeys(workerB, caseId)).containsExactly("deliver");
        assertThat(post(workerB, "/api/v1/referrals/" + id + "/done").statusCode()).isEqualTo(200);
        assertThat(taskKeys(workerB, caseId)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(referral.path("processInstanceId")
                .asString()).count()).isZero();
        assertThat(notifications(workerA)).contains("referral.accepted", "referral.done");
    }

    @Test
    void aReferralToAnAgencyOffersTheResponseToItsPeopleUntilOneAcceptsAndTakesIt() {
        KinshipUser colleagueB = new CaseTestUsers(accounts).worker(workerB.agencyCode());
        Instant referredAt = clock.instant();
        String caseId = registeredWithConsent();
        HttpResponse<String> referred = api.post("/api/v1/cases/" + caseId + "/referrals", JSON.writeValueAsString(
                Map.of("serviceType", "psychosocial", "providerId", providerB)), workerA.username(), PASSWORD);
        assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
        JsonNode referral = read(referred);
        String processId = referral.path("processInstanceId").asString();

        JsonNode offered = task(workerB, "/api/v1/tasks", caseId, "respond");
        assertThat(offered.path("assignee").isNull() || offered.path("assignee").isMissingNode()).isTrue();
        assertThat(Instant.parse(offered.path("due").asString())).isEqualTo(referredAt.plus(Duration.ofHours(48)));
        assertThat(task(colleagueB, "/api/v1/tasks", caseId, "respond").path("id").asString())
                .isEqualTo(offered.path("id").asString());
        assertThat(api.get("/api/v1/tasks/" + offered.path("id").asString(), colleagueB.username(), PASSWORD)
                .statusCode()).isEqualTo(200);
        assertThat(taskKeys(workerA, caseId)).as("the sender's agency does not owe the answer")
                .doesNotContain("respond");
        assertThat(notifications(colleagueB)).contains("referral.in_progress");

        clock.advance(Duration.ofHours(49));
        fireDueTimers(processId);

        assertThat(task(colleagueB, "/api/v1/tasks?state=overdue", caseId, "respond").path("overdue").asBoolean())
                .isTrue();
        assertThat(notifications(workerB)).contains("task.overdue");
        assertThat(notifications(supervisorA)).contains("task.overdue");

        assertThat(post(colleagueB, "/api/v1/referrals/" + referral.path("id").asString() + "/accept").statusCode())
                .isEqualTo(200);

        assertThat(taskKeys(workerB, caseId)).as("taken by the colleague who accepted").isEmpty();
        assertThat(taskKeys(colleagueB, caseId)).containsExactly("deliver");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(processId).taskDefinitionKey("respond")
                .singleResult().getAssignee()).isEqualTo(colleagueB.id());
        assertThat(post(workerB, "/api/v1/referrals/" + referral.path("id").asString() + "/accept").statusCode())
                .as("already accepted").isEqualTo(409);
    }

    @Test
    void revokingAReferralEndsItsProcessAndTheRecipientsTask() {
        String caseId = registeredWithConsent();
        JsonNode referral = refer(caseId);
        assertThat(taskKeys(workerB, caseId)).containsExactly("respond");

        assertThat(post(workerA, "/api/v1/referrals/" + referral.path("id").asString() + "/revoke").statusCode())
                .isEqualTo(200);

        assertThat(taskKeys(workerB, caseId)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(referral.path("processInstanceId")
                .asString()).count()).isZero();
        assertThat(notifications(workerB)).contains("referral.revoked");
    }

    private String registeredWithConsent() {
        HttpResponse<String> registered = api.post("/api/v1/cases", CaseFiles.aRegisteredCase().json(),
                workerA.username(), PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String caseId = read(registered).path("id").asString();
        consent.record(workerA, caseId, Map.of(ConsentPurpose.SERVICES, ConsentDecision.GIVEN, ConsentPurpose.SHARING,
                ConsentDecision.GIVEN), DataProtectionWishes.NONE, 0);
        return caseId;
    }

    private JsonNode refer(String caseId) {
        HttpResponse<String> referred = api.post("/api/v1/cases/" + caseId + "/referrals", JSON.writeValueAsString(
                Map.of("serviceType", "psychosocial", "providerId", providerB, "toUser", workerB.username())),
                workerA.username(), PASSWORD);
        assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
        return read(referred);
    }

    private JsonNode task(KinshipUser user, String path, String caseId, String key) {
        HttpResponse<String> tasks = api.get(path, user.username(), PASSWORD);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        for (JsonNode task : read(tasks)) {
            if (task.path("caseId").asString().equals(caseId) && task.path("taskDefinitionKey").asString().equals(key)) {
                return task;
            }
        }
        throw new AssertionError(user.username() + " has no " + key + " task in " + path + ": " + tasks.body());
    }

    private List<String> taskKeys(KinshipUser user, String caseId) {
        List<String> keys = new ArrayList<>();
        read(api.get("/api/v1/tasks", user.username(), PASSWORD)).forEach(task -> {
            if (task.path("caseId").asString().equals(caseId)) {
                keys.add(task.path("taskDefinitionKey").asString());
            }
        });
        return keys;
    }

    private String notifications(KinshipUser user) {
        return api.get("/api/v1/notifications", user.username(), PASSWORD).body();
    }

    private void fireDueTimers(String processInstanceId) {
        for (Job job : management.createTimerJobQuery().processInstanceId(processInstanceId).executable().list()) {
            management.executeJob(management.moveTimerToExecutableJob(job.getId()).getId());
        }
    }

    private HttpResponse<String> post(KinshipUser user, String path) {
        return api.post(path, "{}", user.username(), PASSWORD);
    }

    private HttpResponse<String> admin(String method, String path, Object body) {
        return api.send(method, path, JSON.writeValueAsString(body), PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD);
    }

    private static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

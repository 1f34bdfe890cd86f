package org.kinship.workflows.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.workflow.WorkflowOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A transferred case's open tasks follow it: the new owner works them, the previous owner no longer sees them. */
@PlatformIntegrationTest
class TransferTasksIntegrationTests {

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
    WorkflowOutbox outbox;

    ApiClient api;
    KinshipUser workerA;
    KinshipUser workerB;

    @BeforeEach
    void setUp() {
        org.kinship.cases.CaseForms.publish(context);
        api = new ApiClient(port);
        CaseTestUsers users = new CaseTestUsers(accounts);
        String suffix = String.valueOf(System.nanoTime() % 100_000);
        workerA = users.worker("TTA" + suffix);
        workerB = users.worker("TTB" + suffix);
    }

    @Test
    void anAcceptedTransferMovesTheOpenTasksOfTheCaseToTheNewOwner() {
        HttpResponse<String> registered = api.post("/api/v1/cases", CaseFiles.aRegisteredCase().json(),
                workerA.username(), PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String caseId = JSON.readTree(registered.body()).path("id").asString();
        outbox.drain();
        assertThat(taskKeys(workerA, caseId)).isNotEmpty();
        consent.record(workerA, caseId, Map.of(ConsentPurpose.SHARING, ConsentDecision.GIVEN),
                DataProtectionWishes.NONE, 0);

        HttpResponse<String> offered = api.post("/api/v1/cases/" + caseId + "/transfers",
                JSON.writeValueAsString(Map.of("toUser", workerB.username())), workerA.username(), PASSWORD);
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        List<String> before = taskKeys(workerA, caseId);
        HttpResponse<String> accepted = api.post("/api/v1/transfers/" + JSON.readTree(offered.body()).path("id")
                .asString() + "/accept", "{}", workerB.username(), PASSWORD);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        assertThat(taskKeys(workerB, caseId)).containsExactlyElementsOf(before);
        assertThat(taskKeys(workerA, caseId)).isEmpty();
    }

    private List<String> taskKeys(KinshipUser user, String caseId) {
        HttpResponse<String> tasks = api.get("/api/v1/tasks", user.username(), PASSWORD);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        for (JsonNode task : JSON.readTree(tasks.body())) {
            if (task.path("caseId").asString().equals(caseId)) {
                keys.add(task.path("taskDefinitionKey").asString());
            }
        }
        return keys;
    }
}

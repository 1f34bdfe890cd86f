package org.kinship.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.referrals.ReferralWorld.read;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFiles;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.notifications.NotificationService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class TransferIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    UserAccountService accounts;
    @Autowired
    ConsentService consent;
    @Autowired
    NotificationService notifications;

    ReferralWorld world;
    String agencyA;
    String agencyB;
    KinshipUser workerA;
    KinshipUser workerB;

    @BeforeEach
    void setUp() {
        org.kinship.cases.CaseForms.publish(context);
        world = new ReferralWorld(port, accounts, consent);
        agencyA = ReferralWorld.agency("TA");
        agencyB = ReferralWorld.agency("TB");
        workerA = world.users.worker(agencyA);
        workerB = world.users.worker(agencyB);
    }

    @Test
    void anAcceptedTransferMovesOwnershipAndScopeAndThePreviousWorkerLosesAccessWithTheMoveInTheHistory() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());
        world.consentTo(workerA, caseId, ConsentPurpose.SHARING);
        KinshipUser supervisorA = world.users.supervisor(agencyA);

        HttpResponse<String> offered = world.post(workerA, "/api/v1/cases/" + caseId + "/transfers",
                Map.of("toUser", workerB.username(), "note", "Family moved to the B camp"));
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        String transferId = read(offered).path("id").asString();
        assertThat(world.get(workerB, "/api/v1/cases/" + caseId).statusCode()).as("not before acceptance")
                .isEqualTo(404);
        assertThat(notifications.list(workerB.username(), 10)).extracting(n -> n.kind()).contains("transfer.pending");
        assertThat(world.post(workerA, "/api/v1/transfers/" + transferId + "/accept", Map.of()).statusCode())
                .isEqualTo(403);

        HttpResponse<String> accepted = world.post(workerB, "/api/v1/transfers/" + transferId + "/accept", Map.of());
        assertThat(read(accepted).path("status").asString()).isEqualTo("ACCEPTED");

        JsonNode moved = read(world.get(workerB, "/api/v1/cases/" + caseId));
        assertThat(moved.path("ownerId").asString()).isEqualTo(workerB.id());
        assertThat(moved.path("agencyCode").asString()).isEqualTo(agencyB);
        assertThat(world.get(workerA, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(world.get(supervisorA, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(world.get(workerB, "/api/v1/cases").body()).contains(caseId);
        List<String> moves = new ArrayList<>();
        read(world.get(workerB, "/api/v1/cases/" + caseId + "/history")).forEach(change -> {
            String path = change.path("path").asString();
            if (path.equals("ownerId") || path.equals("agencyCode")) {
                moves.add(path + ":" + change.path("oldValue").asString() + "->" + change.path("newValue").asString());
            }
        });
        assertThat(moves).containsExactly("ownerId:" + workerA.id() + "->" + workerB.id(),
                "agencyCode:" + agencyA + "->" + agencyB);
        assertThat(notifications.list(workerA.username(), 10)).extracting(n -> n.kind()).contains("transfer.accepted");
        HttpResponse<String> again = world.post(workerB, "/api/v1/transfers/" + transferId + "/accept", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again).path("state").asString()).isEqualTo("accepted");
    }

    @Test
    void aRejectedOrRevokedTransferLeavesTheCaseWhereItWas() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());
        world.consentTo(workerA, caseId, ConsentPurpose.SHARING);
        String first = read(world.post(workerA, "/api/v1/cases/" + caseId + "/transfers",
                Map.of("toUser", workerB.username()))).path("id").asString();
        assertThat(world.post(workerA, "/api/v1/cases/" + caseId + "/transfers",
                Map.of("toUser", workerB.username())).statusCode()).as("one pending transfer per case").isEqualTo(409);

        assertThat(world.post(workerB, "/api/v1/transfers/" + first + "/reject", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(read(world.post(workerB, "/api/v1/transfers/" + first + "/reject",
                Map.of("reason", "No capacity"))).path("status").asString()).isEqualTo("REJECTED");
        String second = read(world.post(workerA, "/api/v1/cases/" + caseId + "/transfers",
                Map.of("toAgencyCode", agencyB))).path("id").asString();
        assertThat(read(world.post(workerA, "/api/v1/transfers/" + second + "/revoke", Map.of()))
                .path("status").asString()).isEqualTo("REVOKED");
        assertThat(world.post(workerB, "/api/v1/transfers/" + second + "/accept", Map.of()).statusCode())
                .isEqualTo(409);

        JsonNode still = read(world.get(workerA, "/api/v1/cases/" + caseId));
        assertThat(still.path("ownerId").asString()).isEqualTo(workerA.id());
        assertThat(still.path("agencyCode").asString()).isEqualTo(agencyA);
        assertThat(world.get(workerB, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
    }

    @Test
    void aTransferToAnotherAgencyWithoutConsentForSharingIsRefused() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());

        HttpResponse<String> refused = world.post(workerA, "/api/v1/cases/" + caseId + "/transfers",
                Map.of("toUser", workerB.username()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(read(refused).path("detail").asString()).contains("sharing");
        assertThat(world.get(workerB, "/api/v1/transfers").body()).doesNotContain(caseId);
        KinshipUser colleague = world.users.worker(agencyA);
        assertThat(world.post(workerA, "/api/v1/cases/" + caseId + "/transfers",
                Map.of("toUser", colleague.username())).statusCode()).as("within the agency no sharing consent is needed")
                .isEqualTo(201);
    }

    @Test
    void aWorkerAsksTheOwnerForACaseTheyReadThroughAReferralAndGetsItOnAcceptance() {
        ServiceSetup.psychosocialProvider(world, agencyB);
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());
        world.consentTo(workerA, caseId, ConsentPurpose.SERVICES, ConsentPurpose.SHARING);
        assertThat(world.post(workerA, "/api/v1/cases/" + caseId + "/referrals", Map.of("serviceType",
                "psychosocial", "providerId", ServiceSetup.providerOf(world, agencyB), "toUser", workerB.username()))
                .statusCode()).isEqualTo(201);
        KinshipUser stranger = world.users.worker(ReferralWorld.agency("TC"));
        assertThat(world.post(stranger, "/api/v1/cases/" + caseId + "/transfer-requests", Map.of()).statusCode())
                .isEqualTo(404);

        HttpResponse<String> asked = world.post(workerB, "/api/v1/cases/" + caseId + "/transfer-requests",
                Map.of("note", "We will follow the child from now on"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String requestId = read(asked).path("id").asString();
        assertThat(notifications.list(workerA.username(), 10)).extracting(n -> n.kind())
                .contains("transfer_request.pending");
        assertThat(world.post(workerB, "/api/v1/transfers/" + requestId + "/accept", Map.of()).statusCode())
                .as("the one who asks does not accept").isEqualTo(403);

        assertThat(read(world.post(workerA, "/api/v1/transfers/" + requestId + "/accept", Map.of()))
                .path("status").asString()).isEqualTo("ACCEPTED");

        JsonNode moved = read(world.get(workerB, "/api/v1/cases/" + caseId));
        assertThat(moved.path("ownerId").asString()).isEqualTo(workerB.id());
        assertThat(moved.path("sections").has("registration")).isTrue();
        assertThat(world.get(workerA, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
    }
}

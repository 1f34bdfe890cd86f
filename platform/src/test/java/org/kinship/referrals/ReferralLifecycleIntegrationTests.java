package org.kinship.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.referrals.ReferralWorld.read;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.cases.CaseFiles;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class ReferralLifecycleIntegrationTests {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ConsentService consent;
    @Autowired
    AuditLog audit;
    @Autowired
    org.kinship.testing.MutableClock clock;

    ReferralWorld world;
    String agencyA;
    String agencyB;
    KinshipUser workerA;
    KinshipUser workerB;
    String providerB;

    @BeforeEach
    void setUp() {
        world = new ReferralWorld(port, accounts, consent, context);
        agencyA = ReferralWorld.agency("RA");
        agencyB = ReferralWorld.agency("RB");
        workerA = world.users.worker(agencyA);
        workerB = world.users.worker(agencyB);
        world.serviceType("psychosocial");
        world.serviceType("legal");
        world.referralType("psychosocial_support", List.of("registration"));
        providerB = world.provider("Psychosocial centre " + agencyB, agencyB, List.of("psychosocial"),
                List.of("CD-NK"), Map.of("minAge", 5, "maxAge", 17));
    }

    @Test
    void aChildIsReferredToAnotherAgencyWhichSeesOnlyTheSharedSectionsAcceptsAndDeliversTheService() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase().livingIn("CD-NK-GOMA").aged(9));
        HttpResponse<String> assessed = world.api.patch("/api/v1/cases/" + caseId,
                "{\"section\":\"initial_assessment\",\"data\":{\"risk_level\":\"high\","
                        + "\"concern_details\":\"sensitive assessment\"}}", workerA.username(),
                ReferralWorld.PASSWORD, "If-Match", "1");
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
        world.consentTo(workerA, caseId, ConsentPurpose.SERVICES, ConsentPurpose.SHARING);

        HttpResponse<String> need = world.post(workerA, "/api/v1/cases/" + caseId + "/service-needs",
                Map.of("serviceType", "psychosocial"));
        assertThat(need.statusCode()).as(need.body()).isEqualTo(201);
        String needId = read(need).path("id").asString();
        JsonNode suggestions = read(world.get(workerA, "/api/v1/cases/" + caseId + "/suggestions?service=psychosocial"));
        assertThat(ids(suggestions, "provider")).contains(providerB);

        HttpResponse<String> referred = world.post(workerA, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "psychosocial", "referralType", "psychosocial_support", "providerId", providerB,
                        "serviceNeedId", needId));
        assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
        JsonNode referral = read(referred);
        String referralId = referral.path("id").asString();
        assertThat(referral.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(referral.path("toAgencyCode").asString()).isEqualTo(agencyB);

        JsonNode seenByB = read(world.get(workerB, "/api/v1/cases/" + caseId));
        assertThat(fieldNames(seenByB.path("sections"))).containsExactly("registration");
        assertThat(seenByB.path("notes")).isEmpty();
        assertThat(world.get(workerB, "/api/v1/cases/" + caseId + "/history").body()).doesNotContain("assessment/");
        assertThat(world.api.patch("/api/v1/cases/" + caseId, "{\"data\":{\"age\":10}}", workerB.username(),
                ReferralWorld.PASSWORD, "If-Match", "3").statusCode()).isEqualTo(403);
        assertThat(ids(read(world.get(workerB, "/api/v1/referrals?box=received")), null)).contains(referralId);

        assertThat(world.post(workerA, "/api/v1/referrals/" + referralId + "/accept", Map.of()).statusCode())
                .as("only the recipient accepts").isEqualTo(403);
        assertThat(world.post(workerB, "/api/v1/referrals/" + referralId + "/done", Map.of()).statusCode())
                .as("done before accepted").isEqualTo(409);
        HttpResponse<String> accepted = world.post(workerB, "/api/v1/referrals/" + referralId + "/accept", Map.of());
        assertThat(read(accepted).path("status").asString()).isEqualTo("ACCEPTED");
        HttpResponse<String> done = world.post(workerB, "/api/v1/referrals/" + referralId + "/done", Map.of());
        assertThat(read(done).path("status").asString()).isEqualTo("DONE");
        HttpResponse<String> twice = world.post(workerB, "/api/v1/referrals/" + referralId + "/done", Map.of());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(twice).path("state").asString()).isEqualTo("done");

        assertThat(world.get(workerB, "/api/v1/cases/" + caseId).statusCode())
                .as("a finished referral shares nothing any more").isEqualTo(404);
        JsonNode plan = read(world.get(workerA, "/api/v1/cases/" + caseId + "/service-needs"));
        assertThat(plan.get(0).path("status").asString()).isEqualTo("delivered");
        assertThat(plan.get(0).path("referralId").asString()).isEqualTo(referralId);
        List<String> serviceHistory = new ArrayList<>();
        read(world.get(workerA, "/api/v1/cases/" + caseId + "/history")).forEach(change -> {
            if (change.path("path").asString().equals("services/" + needId + "/psychosocial")) {
                serviceHistory.add(change.path("newValue").asString());
            }
        });
        assertThat(serviceHistory).containsExactly("needed", "referred", "delivered");
        assertThat(audit.search(new AuditQuery(null, null, "referral", referralId, null, null), 0, 20).entries())
                .extracting(e -> e.action()).contains("referral.create", "referral.accept", "referral.done");
    }

    @Test
    void aReferralWithoutConsentIsRefusedAndLeavesNothingBehindUnlessASupervisorOverridesIt() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase().livingIn("CD-NK-GOMA"));
        Map<String, Object> body = Map.of("serviceType", "psychosocial", "providerId", providerB);

        HttpResponse<String> refused = world.post(workerA, "/api/v1/cases/" + caseId + "/referrals", body);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(read(refused).path("detail").asString()).contains("Consent").contains("services");
        assertThat(read(world.get(workerA, "/api/v1/cases/" + caseId + "/referrals"))).isEmpty();
        assertThat(read(world.get(workerA, "/api/v1/cases/" + caseId + "/service-needs"))).isEmpty();
        assertThat(world.get(workerB, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);

        Map<String, Object> withOverride = Map.of("serviceType", "psychosocial", "providerId", providerB,
                "consentOverrideReason", "Immediate danger, caregiver unreachable");
        assertThat(world.post(workerA, "/api/v1/cases/" + caseId + "/referrals", withOverride).statusCode())
                .as("a case worker may not override consent").isEqualTo(403);
        KinshipUser supervisor = world.users.supervisor(agencyA);
        HttpResponse<String> overridden = world.post(supervisor, "/api/v1/cases/" + caseId + "/referrals",
                withOverride);
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        assertThat(read(overridden).path("consentBasis").asString()).isEqualTo("consent.overridden");
    }

    @Test
    void aProviderThatDoesNotOfferTheServiceAndAUserWithoutTheRightAreRefusedWithTheReason() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());
        world.consentTo(workerA, caseId, ConsentPurpose.SERVICES, ConsentPurpose.SHARING);

        HttpResponse<String> wrongProvider = world.post(workerA, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "legal", "providerId", providerB));
        assertThat(wrongProvider.statusCode()).isEqualTo(422);
        assertThat(read(wrongProvider).path("detail").asString()).contains("does not offer").contains("legal");

        String referralId = read(world.post(workerA, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "psychosocial", "providerId", providerB))).path("id").asString();
        HttpResponse<String> byRecipient = world.post(workerB, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "psychosocial", "providerId", providerB));
        assertThat(byRecipient.statusCode()).as("B reads the case but may not refer it").isEqualTo(403);
        assertThat(read(byRecipient).path("detail").asString()).contains("may not refer");
        KinshipUser stranger = world.users.worker(ReferralWorld.agency("RC"));
        assertThat(world.post(stranger, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "psychosocial", "providerId", providerB)).statusCode()).isEqualTo(404);
        assertThat(world.get(stranger, "/api/v1/referrals/" + referralId).statusCode()).isEqualTo(404);
        assertThat(read(world.get(workerA, "/api/v1/cases/" + caseId + "/referrals"))).hasSize(1);
    }

    @Test
    void theSenderRevokesAReferralAfterWhichItCanNoLongerBeAcceptedNorRead() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());
        world.consentTo(workerA, caseId, ConsentPurpose.SERVICES, ConsentPurpose.SHARING);
        String referralId = read(world.post(workerA, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "psychosocial", "providerId", providerB, "toUser", workerB.username())))
                .path("id").asString();
        assertThat(world.post(workerB, "/api/v1/referrals/" + referralId + "/revoke", Map.of()).statusCode())
                .isEqualTo(403);

        HttpResponse<String> revoked = world.post(workerA, "/api/v1/referrals/" + referralId + "/revoke",
                Map.of("reason", "Family moved"));
        assertThat(read(revoked).path("status").asString()).isEqualTo("REVOKED");

        HttpResponse<String> late = world.post(workerB, "/api/v1/referrals/" + referralId + "/accept", Map.of());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(read(late).path("state").asString()).isEqualTo("revoked");
        assertThat(read(late).path("detail").asString()).contains("revoked");
        assertThat(world.get(workerB, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
        HttpResponse<String> rejectRevoked = world.post(workerB, "/api/v1/referrals/" + referralId + "/reject",
                Map.of("reason", "too late"));
        assertThat(rejectRevoked.statusCode()).isEqualTo(409);
        assertThat(read(world.get(workerA, "/api/v1/referrals/" + referralId)).path("status").asString())
                .isEqualTo("REVOKED");
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheSharing() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());
        world.consentTo(workerA, caseId, ConsentPurpose.SERVICES, ConsentPurpose.SHARING);
        String referralId = read(world.post(workerA, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "psychosocial", "providerId", providerB))).path("id").asString();

        assertThat(read(world.get(workerB, "/api/v1/referrals/summary")).path("received").path("IN_PROGRESS").asLong())
                .isEqualTo(1);
        assertThat(world.post(workerB, "/api/v1/referrals/" + referralId + "/reject", Map.of()).statusCode())
                .isEqualTo(400);
        HttpResponse<String> rejected = world.post(workerB, "/api/v1/referrals/" + referralId + "/reject",
                Map.of("reason", "No capacity this month"));

        assertThat(read(rejected).path("status").asString()).isEqualTo("REJECTED");
        assertThat(read(world.get(workerA, "/api/v1/referrals?box=sent&status=rejected")).toString())
                .contains(referralId);
        assertThat(world.get(workerB, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardTileCountsReferralsByStatusAndOverdueResponsesEachLinkingToTheFilteredList() {
        List<String> referralIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase());
            world.consentTo(workerA, caseId, ConsentPurpose.SERVICES, ConsentPurpose.SHARING);
            referralIds.add(read(world.post(workerA, "/api/v1/cases/" + caseId + "/referrals",
                    Map.of("serviceType", "psychosocial", "providerId", providerB))).path("id").asString());
        }
        assertThat(world.post(workerB, "/api/v1/referrals/" + referralIds.get(1) + "/accept", Map.of()).statusCode())
                .isEqualTo(200);
        clock.advance(java.time.Duration.ofHours(49));

        JsonNode received = tile(workerB);
        assertThat(received.path("total").asLong()).isEqualTo(2);
        assertThat(figure(received, "received.in_progress").path("count").asLong()).isEqualTo(1);
        assertThat(figure(received, "received.accepted").path("count").asLong()).isEqualTo(1);
        JsonNode overdue = figure(received, "received.overdue");
        assertThat(overdue.path("count").asLong()).isEqualTo(1);
        assertThat(overdue.path("link").asString()).isEqualTo("referrals?box=received&status=in_progress&overdue=true");
        assertThat(ids(read(world.get(workerB, "/api/v1/referrals?box=received&status=in_progress&overdue=true")),
                null)).containsExactly(referralIds.get(0));

        JsonNode sent = tile(workerA);
        assertThat(figure(sent, "sent.in_progress").path("count").asLong()).isEqualTo(1);
        assertThat(figure(sent, "sent.overdue").path("count").asLong()).isEqualTo(1);
        assertThat(figure(sent, "sent.accepted").path("link").asString())
                .isEqualTo("referrals?box=sent&status=accepted");
        assertThat(figure(received, "received.in_progress").path("label").asString())
                .isEqualTo("Received, waiting for a response");
        assertThat(read(world.api.get("/api/v1/dashboard", org.kinship.testing.PlatformIntegrationTest.ADMIN,
                org.kinship.testing.PlatformIntegrationTest.ADMIN_PASSWORD)).toString())
                .as("the administrator neither refers nor answers referrals").doesNotContain("referrals.by-status");
    }

    private JsonNode tile(KinshipUser user) {
        for (JsonNode tile : read(world.get(user, "/api/v1/dashboard")).path("tiles")) {
            if (tile.path("id").asString().equals("referrals.by-status")) {
                return tile;
            }
        }
        throw new AssertionError("no referral tile for " + user.username());
    }

    private static JsonNode figure(JsonNode tile, String key) {
        for (JsonNode figure : tile.path("figures")) {
            if (figure.path("key").asString().equals(key)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + key + " in " + tile);
    }

    private static List<String> ids(JsonNode array, String inner) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add((inner == null ? node : node.path(inner)).path("id").asString()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}

package org.kinship.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.referrals.ReferralWorld.read;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFiles;
import org.kinship.consent.ConsentService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIntegrationTest
class AssignmentIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    UserAccountService accounts;
    @Autowired
    ConsentService consent;

    ReferralWorld world;
    String agency;
    KinshipUser supervisor;
    KinshipUser first;
    KinshipUser second;

    @BeforeEach
    void setUp() {
        org.kinship.cases.CaseForms.publish(context);
        world = new ReferralWorld(port, accounts, consent);
        agency = ReferralWorld.agency("AS");
        supervisor = world.users.supervisor(agency);
        first = world.users.worker(agency);
        second = world.users.worker(agency);
    }

    @Test
    void aSupervisorReassignsCasesOfTheAgencyInBulkAndTheFormerWorkerLosesThem() {
        String one = world.registerCase(first, CaseFiles.aRegisteredCase());
        String two = world.registerCase(first, CaseFiles.aRegisteredCase().named("Jean", "Paluku"));

        HttpResponse<String> assigned = world.post(supervisor, "/api/v1/cases/assign",
                Map.of("caseIds", List.of(one, two), "to", second.username()));

        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(read(assigned).path("assigned")).hasSize(2);
        for (String caseId : List.of(one, two)) {
            assertThat(read(world.get(second, "/api/v1/cases/" + caseId)).path("ownerId").asString())
                    .isEqualTo(second.id());
            assertThat(world.get(first, "/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
            assertThat(world.get(supervisor, "/api/v1/cases/" + caseId + "/history").body())
                    .contains("\"path\":\"ownerId\"");
        }
    }

    @Test
    void assignmentsOutsideTheTeamOrWithoutThePermissionAreRefusedAndNothingChanges() {
        String one = world.registerCase(first, CaseFiles.aRegisteredCase());
        String elsewhere = world.registerCase(world.users.worker(ReferralWorld.agency("AX")),
                CaseFiles.aRegisteredCase());
        KinshipUser otherAgencyWorker = world.users.worker(ReferralWorld.agency("AY"));

        HttpResponse<String> outside = world.post(supervisor, "/api/v1/cases/" + one + "/assign",
                Map.of("to", otherAgencyWorker.username()));
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(read(outside).path("detail").asString()).contains(otherAgencyWorker.username());

        assertThat(world.post(first, "/api/v1/cases/" + one + "/assign", Map.of("to", second.username()))
                .statusCode()).as("case workers do not assign").isEqualTo(403);
        assertThat(world.post(supervisor, "/api/v1/cases/assign",
                Map.of("caseIds", List.of(one, elsewhere), "to", second.username())).statusCode())
                .as("one case outside the scope refuses the whole batch").isEqualTo(404);
        assertThat(read(world.get(first, "/api/v1/cases/" + one)).path("ownerId").asString()).isEqualTo(first.id());

        HttpResponse<String> single = world.post(supervisor, "/api/v1/cases/" + one + "/assign",
                Map.of("to", second.username()));
        assertThat(read(single).path("ownerId").asString()).isEqualTo(second.id());
    }
}

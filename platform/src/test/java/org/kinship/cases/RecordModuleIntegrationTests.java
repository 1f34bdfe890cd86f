package org.kinship.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.cases.CaseFileLifecycleIntegrationTests.read;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class RecordModuleIntegrationTests {

    private static final String ADMIN_PASSWORD = "Kivu-Lantern-Test-42";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseOutbox outbox;

    @Test
    void theChildProtectionModuleIsThereFromTheFirstStartWithItsSectionsInOrder() {
        ApiClient api = new ApiClient(port);
        KinshipUser worker = new CaseTestUsers(accounts).worker("MODA");

        JsonNode modules = read(api.get("/api/v1/modules", worker.username(), CaseTestUsers.PASSWORD));

        JsonNode childProtection = find(modules, CaseFiles.MODULE);
        assertThat(childProtection.path("registrationSection").asString()).isEqualTo("registration");
        assertThat(childProtection.path("sections").findValuesAsString("id")).containsExactly("registration",
                "assessment", "case_plan");
    }

    @Test
    void anAdministratorConfiguresAModuleWhoseSectionsAndNumberPatternNewCasesFollow() {
        ApiClient api = new ApiClient(port);
        String module = """
                {"id":"separated-children","recordType":"case","name":{"en":"Separated children"},
                 "sections":[{"id":"intake","formId":"uasc_intake","formVersion":2,"order":1,"label":{"en":"Intake"}}],
                 "registrationSection":"intake","numberPattern":"UASC-{agency}-{seq:3}","workflow":null,
                 "indexedFields":{"names":["name_first","name_last"],"sex":"sex","age":"age",
                   "dateOfBirth":"date_of_birth","location":"location_current","riskLevel":"risk_level"},
                 "version":0}""";
        KinshipUser worker = new CaseTestUsers(accounts).worker("MODB");

        HttpResponse<String> refused = api.post("/api/v1/modules/separated-children", module, worker.username(),
                CaseTestUsers.PASSWORD);
        HttpResponse<String> saved = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.url("/api/v1/modules/separated-children")))
                .header("Authorization", ApiClient.basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(module)).build());

        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        CaseFile file = cases.register(worker, "separated-children", Map.of("name_first", "Kofi"), Locale.ENGLISH);
        assertThat(file.caseNumber()).isEqualTo("UASC-MODB-001");
        assertThat(file.sections().get("intake").formId()).isEqualTo("uasc_intake");
        assertThat(file.sections().get("intake").formVersion()).isEqualTo(2);
        assertThat(outbox.pending(1000)).noneMatch(c -> c.caseId().equals(file.id()));
    }

    @Test
    void registrationRecordsAStartWorkflowCommandThatTheWorkerAcknowledges() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("MODC");
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);

        List<WorkflowCommand> commands = outbox.pending(1000).stream().filter(c -> c.caseId().equals(file.id()))
                .toList();
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.type()).isEqualTo(WorkflowCommand.START_WORKFLOW);
            assertThat(command.process()).isEqualTo("childProtectionCase");
        });

        outbox.acknowledge(file.id(), commands.getFirst().id());
        outbox.acknowledge(file.id(), commands.getFirst().id());

        assertThat(outbox.pending(1000)).noneMatch(c -> c.caseId().equals(file.id()));
    }

    private static JsonNode find(JsonNode modules, String id) {
        for (JsonNode module : modules) {
            if (module.path("id").asString().equals(id)) {
                return module;
            }
        }
        throw new AssertionError("no module " + id);
    }
}

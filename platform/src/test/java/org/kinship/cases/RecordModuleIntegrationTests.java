package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kinship.cases.CaseFileLifecycleIntegrationTests.read;

import java.net.http.HttpResponse;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
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

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    private static final String ADMIN_PASSWORD = "Kivu-Lantern-Test-42";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseOutbox outbox;

    @Autowired
    RecordModuleService modules;

    @Autowired
    MongoDatabase database;

    @Test
    void theChildProtectionModuleIsThereFromTheFirstStartWithItsSectionsInOrder() {
        ApiClient api = new ApiClient(port);
        KinshipUser worker = new CaseTestUsers(accounts).worker("MODA");

        JsonNode modules = read(api.get("/api/v1/modules", worker.username(), CaseTestUsers.PASSWORD));

        JsonNode childProtection = find(modules, CaseFiles.MODULE);
        assertThat(childProtection.path("registrationSection").asString()).isEqualTo("registration");
        assertThat(childProtection.path("sections").findValuesAsString("id")).containsExactly("registration",
                "consent", "initial_assessment", "best_interest_assessment", "case_plan", "services", "follow_up",
                "family_details", "care_arrangements", "tracing", "closure");
        assertThat(childProtection.path("sections").findValuesAsString("formId")).containsExactly("registration",
                "consent", "initial_assessment", "best_interest_assessment", "case_plan", "services", "follow_up",
                "family_details", "care_arrangements", "tracing", "closure");
        childProtection.path("sections").forEach(section -> {
            assertThat(section.path("formVersion").asInt()).as("follows the latest version").isZero();
            assertThat(section.at("/roleAccess/referral_recipient").asString()).isEqualTo("READ");
        });
        assertThat(childProtection.at("/indexedFields/names").toString()).contains("given_name", "family_name");
    }

    @Test
    void aModuleNamingAFormThatIsNotPublishedIsRefusedWithTheFormNamed() {
        RecordModule module = new RecordModule("unpublished", "case", Map.of("en", "Unpublished"),
                List.of(new ModuleSection("intake", "never_published", 0, 1, Map.of("en", "Intake")),
                        new ModuleSection("extra", "registration", 7, 2, Map.of("en", "Extra"))),
                "intake", "U-{seq}", null, IndexedFields.standard(), 0);

        assertThatThrownBy(() -> modules.save(module)).isInstanceOfSatisfying(CaseRequestRefusedException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("cases.section.formNotPublished");
                    assertThat(e.args()).containsExactly("intake", "never_published");
                });
        assertThat(modules.find("unpublished")).isEmpty();
    }

    @Test
    void registeringOnAModuleWhoseRegistrationFormIsNotPublishedIsRefusedWithTheFormNamed() {
        // a module stored before its form version existed (e.g. copied from another installation)
        Document stored = database.getCollection("record_modules").find(new Document("_id", CaseFiles.MODULE)).first();
        stored.put("_id", "copied-module");
        stored.getList("sections", Document.class).forEach(section -> section.put("formVersion", 99));
        database.getCollection("record_modules").insertOne(stored);
        KinshipUser worker = new CaseTestUsers(accounts).worker("MODE");

        assertThatThrownBy(() -> cases.register(worker, "copied-module", CaseFiles.aRegisteredCase().data(),
                Locale.ENGLISH)).isInstanceOfSatisfying(CaseRequestRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CaseRequestRefusedException.Reason.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("cases.section.formNotPublished");
                    assertThat(e.args()).containsExactly("registration", "registration");
                });
    }

    @Test
    void aSectionWhoseFormIsNotPublishedYetIsRefusedWithAClearMessage() {
        ApiClient api = new ApiClient(port);
        KinshipUser worker = new CaseTestUsers(accounts).worker("MODD");
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);

        HttpResponse<String> refused = api.patch("/api/v1/cases/" + file.id(),
                "{\"section\":\"consent\",\"data\":{\"consent_services\":true}}", worker.username(),
                CaseTestUsers.PASSWORD, "If-Match", "1");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(read(refused).path("detail").asString()).contains("consent", "published");
    }

    @Test
    void anAdministratorConfiguresAModuleWhoseSectionsAndNumberPatternNewCasesFollow() {
        ApiClient api = new ApiClient(port);
        String module = """
                {"id":"separated-children","recordType":"case","name":{"en":"Separated children"},
                 "sections":[{"id":"intake","formId":"registration","formVersion":1,"order":1,"label":{"en":"Intake"}}],
                 "registrationSection":"intake","numberPattern":"UASC-{agency}-{seq:3}","workflow":null,
                 "indexedFields":{"names":["given_name","family_name"],"sex":"sex","age":"age",
                   "dateOfBirth":"date_of_birth","location":"current_location","riskLevel":"risk_level"},
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
        CaseFile file = cases.register(worker, "separated-children", Map.of("given_name", "Kofi", "sex", "male"),
                Locale.ENGLISH);
        assertThat(file.caseNumber()).isEqualTo("UASC-MODB-001");
        assertThat(file.sections().get("intake").formId()).isEqualTo("registration");
        assertThat(file.sections().get("intake").formVersion()).isEqualTo(1);
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

        assertThat(stored(file.id()).getBoolean("outboxPending")).as("found through the outbox index").isTrue();
        assertThat(outbox.pendingOf(file.id())).containsExactlyElementsOf(commands);

        outbox.acknowledge(file.id(), commands.getFirst().id());
        outbox.acknowledge(file.id(), commands.getFirst().id());

        assertThat(outbox.pending(1000)).noneMatch(c -> c.caseId().equals(file.id()));
        assertThat(stored(file.id())).doesNotContainKey("outboxPending");
        assertThat(outbox.pendingOf(file.id())).isEmpty();
    }

    private org.bson.Document stored(String caseId) {
        return database.getCollection("cases").find(new org.bson.Document("_id", caseId)).first();
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

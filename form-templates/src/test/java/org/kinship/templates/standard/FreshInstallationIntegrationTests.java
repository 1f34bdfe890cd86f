package org.kinship.templates.standard;

import java.net.http.HttpResponse;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CasePage;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseTestUsers;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.LookupService;
import org.kinship.forms.ValidatedData;
import org.kinship.templates.InstalledPackage;
import org.kinship.templates.TemplateService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.TestPropertySource;

/** A fresh instance starts with the standard set installed and published, ready to register a child. */
@PlatformIntegrationTest
@TestPropertySource(properties = "kinship.templates.install-standard-set=true")
class FreshInstallationIntegrationTests {

    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    TemplateService templates;
    @Autowired
    Map<String, ApplicationRunner> runners;
    @Autowired
    UserAccountService accounts;
    @Autowired
    CaseListService lists;
    @Autowired
    MongoDatabase database;
    @LocalServerPort
    int port;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theStandardSetIsInstalledAndPublishedOnFirstStart() {
        assertThat(forms.latestVersion("registration")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(StandardSet.forms().keySet()).allSatisfy(formId -> assertThat(forms.latestVersion(formId)).isPresent());
        assertThat(lookups.findLookup("locations")).isPresent();
        assertThat(templates.serviceLevels()).hasSize(3);
        assertThat(templates.serviceLevel("high")).hasValueSatisfying(
                target -> assertThat(target.assessmentHours()).isEqualTo(24));
        InstalledPackage installed = templates.installed().getFirst();
        assertThat(installed.manifest().id()).isEqualTo("org.kinship.child-protection");
        assertThat(installed.adaptations()).isEmpty();
    }

    @Test
    void aChildCanBeRegisteredWithThePublishedRegistrationForm() {
        ValidatedData result = forms.validateData(new FormVersionRef("registration", 1),
                Map.of("given_name", "Amina", "sex", "female", "separation_status", "separated",
                        "current_location", "nk-goma"), null, Locale.ENGLISH);

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aCaseWorkerRegistersAChildOnTheDefaultModuleWithTheStandardFormsAndTheCaseListFindsIt() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("FRESH");
        ApiClient api = new ApiClient(port);
        String registration = """
                {"module":"child-protection","data":{"given_name":"Amani","family_name":"Kabuya","sex":"male",
                 "date_of_birth":"2015-06-14","separation_status":"separated","current_location":"nk-goma",
                 "address":"Camp 3, block C"}}""";

        HttpResponse<String> created = api.post("/api/v1/cases", registration, worker.username(),
                CaseTestUsers.PASSWORD);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode file = JSON.readTree(created.body());
        String id = file.path("id").asString();
        assertThat(file.at("/sections/registration/formId").asString()).isEqualTo("registration");
        assertThat(file.at("/sections/registration/formVersion").asInt()).isEqualTo(1);
        assertThat(file.at("/sections/registration/data/given_name").asString()).isEqualTo("Amani");
        assertThat(file.at("/sections/registration/data/age").isNumber()).as("calculated from the date of birth")
                .isTrue();

        HttpResponse<String> assessed = api.patch("/api/v1/cases/" + id, """
                {"section":"initial_assessment","data":{"assessment_date":"2026-01-10",
                 "protection_concerns":["separated"],"risk_level":"high"}}""", worker.username(),
                CaseTestUsers.PASSWORD, "If-Match", "1");
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
        assertThat(JSON.readTree(assessed.body()).path("riskLevel").asString()).isEqualTo("high");

        HttpResponse<String> invalid = api.post("/api/v1/cases",
                "{\"module\":\"child-protection\",\"data\":{\"sex\":\"male\"}}", worker.username(),
                CaseTestUsers.PASSWORD);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("/given_name", "/separation_status");

        CasePage page = lists.list(worker, new CaseQuery(null, null, "high", null, null, "male", null, null, "nk",
                null, null, "amani", CaseQuery.SortField.REGISTERED_AT, true, 0, 20));
        assertThat(page.items()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Amani Kabuya");
            assertThat(row.age()).isNotNull();
            assertThat(row.location()).isEqualTo("nk-goma");
        });
        assertThat(database.getCollection("cases").find(new Document("_id", id)).first().toJson())
                .doesNotContain("Amani", "Kabuya", "Camp 3");
        assertThat(lookups.isInUse("locations", "nk-goma")).isTrue();
    }

    @Test
    void aRestartDuplicatesNothing() throws Exception {
        ApplicationArguments none = new DefaultApplicationArguments();
        for (ApplicationRunner runner : runners.values()) {
            runner.run(none);
        }

        assertThat(forms.versions("registration")).hasSize(1);
        assertThat(templates.installed()).hasSize(1);
        assertThat(lookups.list().stream().filter(lookup -> lookup.id().equals("sex"))).hasSize(1);
    }
}

package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.forms.internal.Json;
import org.kinship.security.DefaultRoles;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class FormApiIntegrationTests {

    static final String ADMIN = "admin";
    static final String PASSWORD = "Kivu-Lantern-Test-42";
    static final String WORKER = "forms.worker";
    static final String WORKER_PASSWORD = "Correct-Horse-Battery-9";

    @LocalServerPort
    int port;

    @Autowired
    LookupService lookups;

    @Autowired
    UserAccountService accounts;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        for (Lookup lookup : FormDefinitions.lookupList()) {
            if (lookups.findLookup(lookup.id()).isEmpty()) {
                lookups.create(lookup, Locale.ENGLISH);
            }
        }
        if (accounts.findByUsername(WORKER).isEmpty()) {
            if (accounts.findAgency("FORMS").isEmpty()) {
                accounts.createAgency("FORMS", "Forms agency");
            }
            accounts.create(WORKER, WORKER_PASSWORD, "Forms worker", Set.of(DefaultRoles.CASE_WORKER), "FORMS");
        }
    }

    private HttpResponse<String> asAdmin(String method, String path, String body, String... headers) {
        return api.send(method, path, body, ADMIN, PASSWORD, headers);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body()).orElseThrow();
    }

    @Test
    void createPublishChangeAndPublishAgainKeepsBothVersionsAndOldDataValidAgainstVersionOne() {
        FormDefinitions.Builder form = FormDefinitions.aRegistrationForm("lifecycle");
        assertThat(asAdmin("POST", "/api/v1/forms", form.json()).statusCode()).isEqualTo(201);
        assertThat(asAdmin("POST", "/api/v1/forms/lifecycle/publish", null).statusCode()).isEqualTo(201);

        form.field("nickname", FormDefinitions.field("string", "short_text", "identity", "Nickname")).required("nickname")
                .annotate("notes", "label", FormDefinitions.labels("Remarks"));
        HttpResponse<String> updated = asAdmin("PUT", "/api/v1/forms/lifecycle", form.json(), "If-Match", "\"1\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        HttpResponse<String> second = asAdmin("POST", "/api/v1/forms/lifecycle/publish", null);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json(second).get("version").intValue()).isEqualTo(2);

        JsonNode versions = json(api.get("/api/v1/forms/lifecycle/versions", WORKER, WORKER_PASSWORD));
        assertThat(versions).extracting(v -> v.get("version").intValue()).containsExactly(1, 2);
        JsonNode diff = json(api.get("/api/v1/forms/lifecycle/diff?from=1&to=2", WORKER, WORKER_PASSWORD));
        assertThat(diff.get("added").toString()).isEqualTo("[\"nickname\"]");
        assertThat(diff.get("changed").toString()).contains("\"field\":\"notes\"", "\"attributes\":[\"label\"]");

        String data = Json.write(FormDataValidatorTests.aRegistration());
        assertThat(api.post("/api/v1/forms/lifecycle/versions/1/data/validate", data, WORKER, WORKER_PASSWORD)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> againstTwo = api.post("/api/v1/forms/lifecycle/versions/2/data/validate", data, WORKER,
                WORKER_PASSWORD);
        assertThat(againstTwo.statusCode()).isEqualTo(422);
        assertThat(againstTwo.body()).contains("Nickname is required.");
        assertThat(json(api.get("/api/v1/forms/lifecycle/versions/1", WORKER, WORKER_PASSWORD)).toString())
                .doesNotContain("nickname");
    }

    @Test
    void publishingAnUnchangedDraftAgainIsRefused() {
        asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("unchanged").json());
        asAdmin("POST", "/api/v1/forms/unchanged/publish", null);

        HttpResponse<String> again = asAdmin("POST", "/api/v1/forms/unchanged/publish", null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").stringValue()).contains("same as version 1");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheDraftIsUntouched() {
        FormDefinitions.Builder form = FormDefinitions.aForm("stale");
        asAdmin("POST", "/api/v1/forms", form.json());
        asAdmin("PUT", "/api/v1/forms/stale", form.title("Second").json(), "If-Match", "\"1\"");

        HttpResponse<String> late = asAdmin("PUT", "/api/v1/forms/stale", form.title("Lost").json(), "If-Match", "\"1\"");

        assertThat(late.statusCode()).isEqualTo(412);
        assertThat(late.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(asAdmin("GET", "/api/v1/forms/stale", null)).at("/draft/schema/title").stringValue())
                .isEqualTo("Second");
    }

    @Test
    void validateAnswers422WithOneMessagePerProblemAndStoresNothing() {
        FormDefinitions.Builder bad = FormDefinitions.aRegistrationForm("never-stored")
                .annotate("notes", "kind", "rich_text")
                .annotate("sex", "section", "nowhere")
                .annotate("height_cm", "visibleWhen", "weight > 3");

        HttpResponse<String> response = asAdmin("POST", "/api/v1/forms/validate", bad.json());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors).extracting(e -> e.get("path").stringValue()).containsExactlyInAnyOrder(
                "/properties/notes/x-kinship/kind", "/properties/sex/x-kinship/section",
                "/properties/height_cm/x-kinship/visibleWhen");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("message").stringValue()).isNotBlank());
        assertThat(asAdmin("GET", "/api/v1/forms/never-stored", null).statusCode()).isEqualTo(404);
    }

    @Test
    void validateAnswers200ForAGoodDefinition() {
        HttpResponse<String> response = asAdmin("POST", "/api/v1/forms/validate",
                FormDefinitions.aRegistrationForm().json());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("valid").booleanValue()).isTrue();
    }

    @Test
    void problemsFollowTheCallersLanguage() {
        HttpResponse<String> response = asAdmin("POST", "/api/v1/forms/validate",
                FormDefinitions.aForm("fr").annotate("full_name", "section", "nowhere").json(), "Accept-Language", "fr");

        assertThat(json(response).at("/errors/0/message").stringValue())
                .isEqualTo("La section nowhere n'existe pas dans ce formulaire.");
    }

    @Test
    void aBodyThatIsNotJsonIsAClear422AndNeverAServerError() {
        HttpResponse<String> create = asAdmin("POST", "/api/v1/forms", "title: not json");
        HttpResponse<String> data = asAdmin("POST", "/api/v1/forms/x/versions/1/data/validate", "[1");
        HttpResponse<String> empty = asAdmin("POST", "/api/v1/forms/import", null);

        assertThat(create.statusCode()).isEqualTo(422);
        assertThat(create.body()).contains("The definition is not valid JSON.");
        assertThat(data.statusCode()).isEqualTo(404);
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void aRejectedImportLeavesTheDraftAndTheVersionsAsTheyWere() {
        FormDefinitions.Builder form = FormDefinitions.aForm("imported");
        assertThat(asAdmin("POST", "/api/v1/forms/import", form.json()).statusCode()).isEqualTo(200);
        asAdmin("POST", "/api/v1/forms/imported/publish", null);

        HttpResponse<String> rejected = asAdmin("POST", "/api/v1/forms/import",
                form.title("Broken").annotate("full_name", "kind", "nope").json());

        assertThat(rejected.statusCode()).isEqualTo(422);
        JsonNode stored = json(asAdmin("GET", "/api/v1/forms/imported", null));
        assertThat(stored.at("/draft/schema/title").stringValue()).isEqualTo("Form imported");
        assertThat(stored.at("/draft/version").longValue()).isEqualTo(1);
        assertThat(stored.at("/published/version").intValue()).isEqualTo(1);
    }

    @Test
    void exportGivesBackTheSchemaFileAsSavedAndImportReplacesTheDraft() {
        String file = FormDefinitions.aForm("roundtrip").json();
        asAdmin("POST", "/api/v1/forms", file);

        HttpResponse<String> exported = asAdmin("GET", "/api/v1/forms/roundtrip/export", null);
        assertThat(exported.body()).isEqualTo(file);
        assertThat(exported.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("roundtrip.schema.json"));

        String changed = FormDefinitions.aForm("roundtrip").title("Changed by import").json();
        HttpResponse<String> imported = asAdmin("POST", "/api/v1/forms/import", changed);
        assertThat(json(imported).get("version").longValue()).isEqualTo(2);
        assertThat(asAdmin("GET", "/api/v1/forms/roundtrip/export", null).body()).isEqualTo(changed);
    }

    @Test
    void labelsWithMarkupAreStoredAsPlainText() {
        String markup = "<img src=x onerror=alert(1)> Name";
        asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("markup")
                .annotate("full_name", "label", FormDefinitions.labels(markup)).json());

        JsonNode stored = json(asAdmin("GET", "/api/v1/forms/markup", null));

        assertThat(stored.at("/draft/schema/properties/full_name/x-kinship/label/en").stringValue()).isEqualTo(markup);
    }

    @Test
    void aCaseWorkerMayReadPublishedVersionsButGets403OnEveryWrite() {
        String file = FormDefinitions.aForm("guarded").json();
        asAdmin("POST", "/api/v1/forms", file);
        asAdmin("POST", "/api/v1/forms/guarded/publish", null);

        for (HttpResponse<String> write : List.of(
                api.post("/api/v1/forms", FormDefinitions.aForm("by-worker").json(), WORKER, WORKER_PASSWORD),
                api.put("/api/v1/forms/guarded", file, WORKER, WORKER_PASSWORD),
                api.post("/api/v1/forms/guarded/publish", null, WORKER, WORKER_PASSWORD),
                api.post("/api/v1/forms/import", file, WORKER, WORKER_PASSWORD),
                api.post("/api/v1/lookups/locations/values/nk/retire", null, WORKER, WORKER_PASSWORD))) {
            assertThat(write.statusCode()).isEqualTo(403);
            assertThat(write.body()).contains("Only administrators");
        }
        assertThat(api.get("/api/v1/forms/guarded/versions/1", WORKER, WORKER_PASSWORD).statusCode()).isEqualTo(200);
        JsonNode seen = json(api.get("/api/v1/forms/guarded", WORKER, WORKER_PASSWORD));
        assertThat(seen.get("draft").isNull()).isTrue();
        assertThat(seen.at("/published/version").intValue()).isEqualTo(1);
        assertThat(api.get("/api/v1/forms/by-worker", ADMIN, PASSWORD).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownVersionIs404InTheCallersLanguage() {
        asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("missing-version").json());

        HttpResponse<String> response = asAdmin("GET", "/api/v1/forms/missing-version/versions/7", null,
                "Accept-Language", "es");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").stringValue()).isEqualTo(
                "El formulario missing-version no tiene una versión publicada 7.");
    }

}

package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.forms.internal.Json;
import org.kinship.security.UserAccountService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class FormApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    LookupService lookups;

    @Autowired
    UserAccountService accounts;

    /** Shared with the other test classes, which move it (the reports' tests to March 2026). */
    @Autowired
    MutableClock clock;

    FormsApi forms;

    @BeforeEach
    void setUp() {
        // the sample registration was made on 2026-11-20 and a registration date cannot lie in the future
        clock.set(Instant.parse("2026-11-21T10:00:00Z"));
        forms = new FormsApi(port, accounts, lookups);
    }

    @Test
    void createPublishChangeAndPublishAgainKeepsBothVersionsAndOldDataValidAgainstVersionOne() {
        FormDefinitions.Builder form = FormDefinitions.aRegistrationForm("lifecycle");
        assertThat(forms.asAdmin("POST", "/api/v1/forms", form.json()).statusCode()).isEqualTo(201);
        assertThat(forms.asAdmin("POST", "/api/v1/forms/lifecycle/publish", null).statusCode()).isEqualTo(201);

        form.field("nickname", FormDefinitions.field("string", "short_text", "identity", "Nickname")).required("nickname")
                .annotate("notes", "label", FormDefinitions.labels("Remarks"));
        HttpResponse<String> updated = forms.asAdmin("PUT", "/api/v1/forms/lifecycle", form.json(), "If-Match", "\"1\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        HttpResponse<String> second = forms.asAdmin("POST", "/api/v1/forms/lifecycle/publish", null);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(FormsApi.json(second).get("version").intValue()).isEqualTo(2);

        JsonNode versions = FormsApi.json(forms.asWorker("GET", "/api/v1/forms/lifecycle/versions", null));
        assertThat(versions).extracting(v -> v.get("version").intValue()).containsExactly(1, 2);
        JsonNode diff = FormsApi.json(forms.asWorker("GET", "/api/v1/forms/lifecycle/diff?from=1&to=2", null));
        assertThat(diff.get("added").toString()).isEqualTo("[\"nickname\"]");
        assertThat(diff.get("changed").toString()).contains("\"field\":\"notes\"", "\"attributes\":[\"label\"]");

        String data = Json.write(FormDataValidatorTests.aRegistration());
        HttpResponse<String> againstOne = forms.asWorker("POST", "/api/v1/forms/lifecycle/versions/1/data/validate",
                data);
        assertThat(againstOne.statusCode()).as(againstOne.body()).isEqualTo(200);
        HttpResponse<String> againstTwo = forms.asWorker("POST", "/api/v1/forms/lifecycle/versions/2/data/validate",
                data);
        assertThat(againstTwo.statusCode()).isEqualTo(422);
        assertThat(againstTwo.body()).contains("Nickname is required.");
        assertThat(FormsApi.json(forms.asWorker("GET", "/api/v1/forms/lifecycle/versions/1", null)).toString())
                .doesNotContain("nickname");
    }

    @Test
    void publishingAnUnchangedDraftAgainIsRefused() {
        forms.asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("unchanged").json());
        forms.asAdmin("POST", "/api/v1/forms/unchanged/publish", null);

        HttpResponse<String> again = forms.asAdmin("POST", "/api/v1/forms/unchanged/publish", null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(FormsApi.json(again).get("detail").stringValue()).contains("same as version 1");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheDraftIsUntouched() {
        FormDefinitions.Builder form = FormDefinitions.aForm("stale");
        forms.asAdmin("POST", "/api/v1/forms", form.json());
        forms.asAdmin("PUT", "/api/v1/forms/stale", form.title("Second").json(), "If-Match", "\"1\"");

        HttpResponse<String> late = forms.asAdmin("PUT", "/api/v1/forms/stale", form.title("Lost").json(), "If-Match", "\"1\"");

        assertThat(late.statusCode()).isEqualTo(412);
        assertThat(FormsApi.json(late).get("instance").stringValue()).isEqualTo("/api/v1/forms/stale");
        assertThat(late.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(FormsApi.json(forms.asAdmin("GET", "/api/v1/forms/stale", null)).at("/draft/schema/title").stringValue())
                .isEqualTo("Second");
    }

    @Test
    void validateAnswers422WithOneMessagePerProblemAndStoresNothing() {
        FormDefinitions.Builder bad = FormDefinitions.aRegistrationForm("never-stored")
                .annotate("notes", "kind", "rich_text")
                .annotate("sex", "section", "nowhere")
                .annotate("height_cm", "visibleWhen", "weight > 3");

        HttpResponse<String> response = forms.asAdmin("POST", "/api/v1/forms/validate", bad.json());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = FormsApi.json(response).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors).extracting(e -> e.get("path").stringValue()).containsExactlyInAnyOrder(
                "/properties/notes/x-kinship/kind", "/properties/sex/x-kinship/section",
                "/properties/height_cm/x-kinship/visibleWhen");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("message").stringValue()).isNotBlank());
        assertThat(forms.asAdmin("GET", "/api/v1/forms/never-stored", null).statusCode()).isEqualTo(404);
    }

    @Test
    void validateAnswers200ForAGoodDefinition() {
        HttpResponse<String> response = forms.asAdmin("POST", "/api/v1/forms/validate",
                FormDefinitions.aRegistrationForm().json());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FormsApi.json(response).get("valid").booleanValue()).isTrue();
    }

    @Test
    void problemsFollowTheCallersLanguage() {
        HttpResponse<String> response = forms.asAdmin("POST", "/api/v1/forms/validate",
                FormDefinitions.aForm("fr").annotate("full_name", "section", "nowhere").json(), "Accept-Language", "fr");

        assertThat(FormsApi.json(response).at("/errors/0/message").stringValue())
                .isEqualTo("La section nowhere n'existe pas dans ce formulaire.");
    }

    @Test
    void aBodyThatIsNotJsonIsAClear422AndNeverAServerError() {
        HttpResponse<String> create = forms.asAdmin("POST", "/api/v1/forms", "title: not json");
        forms.asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("not-json").json());
        forms.asAdmin("POST", "/api/v1/forms/not-json/publish", null);
        HttpResponse<String> data = forms.asWorker("POST", "/api/v1/forms/not-json/versions/1/data/validate", "[1");
        HttpResponse<String> unknownForm = forms.asWorker("POST", "/api/v1/forms/x/versions/1/data/validate", "{}");
        HttpResponse<String> empty = forms.asAdmin("POST", "/api/v1/forms/import", null);

        assertThat(create.statusCode()).isEqualTo(422);
        assertThat(create.body()).contains("The definition is not valid JSON.");
        assertThat(data.statusCode()).isEqualTo(422);
        assertThat(FormsApi.json(data).at("/errors/0/message").stringValue()).isEqualTo("The data must be a JSON object.");
        assertThat(unknownForm.statusCode()).isEqualTo(404);
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void aRejectedImportLeavesTheDraftAndTheVersionsAsTheyWere() {
        FormDefinitions.Builder form = FormDefinitions.aForm("imported");
        assertThat(forms.asAdmin("POST", "/api/v1/forms/import", form.json()).statusCode()).isEqualTo(200);
        forms.asAdmin("POST", "/api/v1/forms/imported/publish", null);

        HttpResponse<String> rejected = forms.asAdmin("POST", "/api/v1/forms/import",
                form.title("Broken").annotate("full_name", "kind", "nope").json());

        assertThat(rejected.statusCode()).isEqualTo(422);
        JsonNode stored = FormsApi.json(forms.asAdmin("GET", "/api/v1/forms/imported", null));
        assertThat(stored.at("/draft/schema/title").stringValue()).isEqualTo("Form imported");
        assertThat(stored.at("/draft/version").longValue()).isEqualTo(1);
        assertThat(stored.at("/published/version").intValue()).isEqualTo(1);
    }

    @Test
    void exportGivesBackTheSchemaFileAsSavedAndImportReplacesTheDraft() {
        String file = FormDefinitions.aForm("roundtrip").json();
        forms.asAdmin("POST", "/api/v1/forms", file);

        HttpResponse<String> exported = forms.asAdmin("GET", "/api/v1/forms/roundtrip/export", null);
        assertThat(exported.body()).isEqualTo(file);
        assertThat(exported.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("roundtrip.schema.json"));

        String changed = FormDefinitions.aForm("roundtrip").title("Changed by import").json();
        HttpResponse<String> imported = forms.asAdmin("POST", "/api/v1/forms/import", changed);
        assertThat(FormsApi.json(imported).get("version").longValue()).isEqualTo(2);
        assertThat(forms.asAdmin("GET", "/api/v1/forms/roundtrip/export", null).body()).isEqualTo(changed);
    }

    @Test
    void labelsWithMarkupAreStoredAsPlainText() {
        String markup = "<img src=x onerror=alert(1)> Name";
        forms.asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("markup")
                .annotate("full_name", "label", FormDefinitions.labels(markup)).json());

        JsonNode stored = FormsApi.json(forms.asAdmin("GET", "/api/v1/forms/markup", null));

        assertThat(stored.at("/draft/schema/properties/full_name/x-kinship/label/en").stringValue()).isEqualTo(markup);
    }

    @Test
    void aCaseWorkerMayReadPublishedVersionsButGets403OnEveryWrite() {
        String file = FormDefinitions.aForm("guarded").json();
        forms.asAdmin("POST", "/api/v1/forms", file);
        forms.asAdmin("POST", "/api/v1/forms/guarded/publish", null);

        for (HttpResponse<String> write : List.of(
                forms.asWorker("POST", "/api/v1/forms", FormDefinitions.aForm("by-worker").json()),
                forms.asWorker("PUT", "/api/v1/forms/guarded", file),
                forms.asWorker("POST", "/api/v1/forms/guarded/publish", null),
                forms.asWorker("POST", "/api/v1/forms/import", file),
                forms.asWorker("POST", "/api/v1/lookups/locations/values/nk/retire", null))) {
            assertThat(write.statusCode()).isEqualTo(403);
            assertThat(write.body()).contains("Only administrators");
        }
        assertThat(forms.asWorker("GET", "/api/v1/forms/guarded/versions/1", null).statusCode()).isEqualTo(200);
        JsonNode seen = FormsApi.json(forms.asWorker("GET", "/api/v1/forms/guarded", null));
        assertThat(seen.get("draft").isNull()).isTrue();
        assertThat(seen.at("/published/version").intValue()).isEqualTo(1);
        assertThat(forms.asAdmin("GET", "/api/v1/forms/by-worker", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownVersionIs404InTheCallersLanguage() {
        forms.asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("missing-version").json());

        HttpResponse<String> response = forms.asAdmin("GET", "/api/v1/forms/missing-version/versions/7", null,
                "Accept-Language", "es");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(FormsApi.json(response).get("detail").stringValue()).isEqualTo(
                "El formulario missing-version no tiene una versión publicada 7.");
    }


    @Test
    void creatingAFormWhoseIdExistsIs409() {
        forms.asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("twice").json());

        HttpResponse<String> again = forms.asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("twice").title("Other").json());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(FormsApi.json(forms.asAdmin("GET", "/api/v1/forms/twice", null)).at("/draft/schema/title").stringValue())
                .isEqualTo("Form twice");
    }

    @Test
    void aFormThatWasNeverPublishedIsInvisibleToCaseWorkers() {
        forms.asAdmin("POST", "/api/v1/forms", FormDefinitions.aForm("unpublished").json());

        assertThat(forms.asWorker("GET", "/api/v1/forms/unpublished", null).statusCode()).isEqualTo(404);
        assertThat(forms.asWorker("GET", "/api/v1/forms", null).body()).doesNotContain("unpublished");
        assertThat(forms.asAdmin("GET", "/api/v1/forms", null).body()).contains("\"formId\":\"unpublished\"");
    }

    @Test
    void aPublishedVersionCanBeExportedAsItsSchemaFile() {
        String file = FormDefinitions.aForm("exported-version").json();
        forms.asAdmin("POST", "/api/v1/forms", file);
        forms.asAdmin("POST", "/api/v1/forms/exported-version/publish", null);

        HttpResponse<String> exported = forms.asWorker("GET", "/api/v1/forms/exported-version/versions/1/export", null);

        assertThat(exported.body()).isEqualTo(file);
        assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
    }
}

package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.forms.internal.Json;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class LookupApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    LookupService lookups;

    FormsApi forms;

    @BeforeEach
    void setUp() {
        forms = new FormsApi(port, accounts, lookups);
    }

    private static String aLookup(String id, String... codes) {
        return Json.write(Map.of("id", id, "name", FormDefinitions.labels("Lookup " + id),
                "values", List.of(codes).stream().map(code -> Map.of("value", code, "label", FormDefinitions.labels(code),
                        "retired", false)).toList(), "version", 0));
    }

    @Test
    void anAdministratorCreatesALookupThatEveryoneCanRead() {
        HttpResponse<String> created = forms.asAdmin("POST", "/api/v1/lookups", aLookup("services", "health", "school"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode read = FormsApi.json(forms.asWorker("GET", "/api/v1/lookups/services", null));
        assertThat(read.at("/values/1/label/fr").stringValue()).isEqualTo("school (fr)");
        assertThat(forms.asWorker("GET", "/api/v1/lookups", null).body()).contains("\"id\":\"services\"");
    }

    @Test
    void anInvalidLookupIs422WithEveryProblem() {
        String bad = Json.write(Map.of("id", "Bad Id", "name", Map.of("fr", "x"), "values", List.of(
                Map.of("value", "a", "label", Map.of("en", "A")), Map.of("value", "a", "label", Map.of("en", "A again")),
                Map.of("value", "c", "label", Map.of("en", "C"), "parent", "nowhere")),
                "version", 0));

        HttpResponse<String> response = forms.asAdmin("POST", "/api/v1/lookups", bad);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(FormsApi.json(response).get("errors")).extracting(e -> e.get("path").stringValue())
                .contains("/id", "/name", "/values/1/value", "/values/2/parent");
        assertThat(forms.asAdmin("POST", "/api/v1/lookups", "not json").statusCode()).isEqualTo(422);
    }

    @Test
    void aStaleUpdateIs412AndChangesNothing() {
        forms.asAdmin("POST", "/api/v1/lookups", aLookup("stale-list", "a"));
        assertThat(forms.asAdmin("PUT", "/api/v1/lookups/stale-list", aLookup("stale-list", "a", "b"), "If-Match", "\"1\"")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> late = forms.asAdmin("PUT", "/api/v1/lookups/stale-list", aLookup("stale-list", "a", "c"),
                "If-Match", "\"1\"");

        assertThat(late.statusCode()).isEqualTo(412);
        assertThat(FormsApi.json(forms.asAdmin("GET", "/api/v1/lookups/stale-list", null)).get("values")).hasSize(2)
                .extracting(v -> v.get("value").stringValue()).containsExactly("a", "b");
    }

    @Test
    void aValueNobodyUsesCanBeDeletedAndAnyValueRetired() {
        forms.asAdmin("POST", "/api/v1/lookups", aLookup("free", "a", "b"));

        HttpResponse<String> retired = forms.asAdmin("POST", "/api/v1/lookups/free/values/a/retire", null);
        HttpResponse<String> deleted = forms.asAdmin("DELETE", "/api/v1/lookups/free/values/b", null);

        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode values = FormsApi.json(deleted).get("values");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).get("retired").booleanValue()).isTrue();
        assertThat(forms.asAdmin("DELETE", "/api/v1/lookups/free/values/zzz", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aValueAFormUsesCannotBeDeletedNeitherDirectlyNorByLeavingItOut() {
        forms.asAdmin("POST", "/api/v1/lookups", aLookup("reasons", "war", "flood"));
        FormDefinitions.Builder form = FormDefinitions.aForm("uses-reasons")
                .field("reason", FormDefinitions.field("string", "single_choice", "identity", "Reason"))
                .annotate("reason", "lookup", "reasons").annotate("reason", "default", "war");
        assertThat(forms.asAdmin("POST", "/api/v1/forms", form.json()).statusCode()).isEqualTo(201);

        HttpResponse<String> delete = forms.asAdmin("DELETE", "/api/v1/lookups/reasons/values/war", null, "Accept-Language", "fr");
        HttpResponse<String> update = forms.asAdmin("PUT", "/api/v1/lookups/reasons", aLookup("reasons", "flood"),
                "If-Match", "\"1\"");

        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(FormsApi.json(delete).get("detail").stringValue()).contains("retirez-la");
        assertThat(update.statusCode()).isEqualTo(409);
        assertThat(forms.asAdmin("POST", "/api/v1/lookups/reasons/values/war/retire", null).statusCode()).isEqualTo(200);
        assertThat(forms.asAdmin("DELETE", "/api/v1/lookups/reasons/values/flood", null).statusCode()).isEqualTo(200);
    }

    @Test
    void exportAndImportRoundTripAndImportReplacesAnExistingLookup() {
        forms.asAdmin("POST", "/api/v1/lookups", aLookup("round", "x"));
        String exported = forms.asAdmin("GET", "/api/v1/lookups/round/export", null).body();

        HttpResponse<String> replaced = forms.asAdmin("POST", "/api/v1/lookups/import", exported.replace("\"x\"", "\"y\""));
        HttpResponse<String> created = forms.asAdmin("POST", "/api/v1/lookups/import", exported.replace("\"round\"", "\"copy\""));

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(FormsApi.json(replaced).at("/values/0/value").stringValue()).isEqualTo("y");
        assertThat(FormsApi.json(replaced).get("version").longValue()).isEqualTo(2);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(FormsApi.json(forms.asAdmin("GET", "/api/v1/lookups/copy", null)).at("/values/0/value").stringValue()).isEqualTo("x");
    }

    @Test
    void aCaseWorkerGets403OnEveryLookupWrite() {
        forms.asAdmin("POST", "/api/v1/lookups", aLookup("guarded-list", "a"));

        assertThat(List.of(
                forms.asWorker("POST", "/api/v1/lookups", aLookup("mine", "a")),
                forms.asWorker("PUT", "/api/v1/lookups/guarded-list", aLookup("guarded-list")),
                forms.asWorker("POST", "/api/v1/lookups/import", aLookup("guarded-list")),
                forms.asWorker("DELETE", "/api/v1/lookups/guarded-list/values/a", null)))
                .extracting(HttpResponse::statusCode).containsOnly(403);
        assertThat(FormsApi.json(forms.asAdmin("GET", "/api/v1/lookups/guarded-list", null)).get("values")).hasSize(1);
    }
}

package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
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
class LookupApiIntegrationTests {

    static final String ADMIN = "admin";
    static final String PASSWORD = "Kivu-Lantern-Test-42";
    static final String WORKER = "lookups.worker";
    static final String WORKER_PASSWORD = "Correct-Horse-Battery-9";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        if (accounts.findByUsername(WORKER).isEmpty()) {
            if (accounts.findAgency("LOOKUPS").isEmpty()) {
                accounts.createAgency("LOOKUPS", "Lookups agency");
            }
            accounts.create(WORKER, WORKER_PASSWORD, "Lookups worker", Set.of(DefaultRoles.CASE_WORKER), "LOOKUPS");
        }
    }

    private static String aLookup(String id, String... codes) {
        return Json.write(Map.of("id", id, "name", FormDefinitions.labels("Lookup " + id),
                "values", List.of(codes).stream().map(code -> Map.of("value", code, "label", FormDefinitions.labels(code),
                        "retired", false)).toList(), "version", 0));
    }

    private HttpResponse<String> asAdmin(String method, String path, String body, String... headers) {
        return api.send(method, path, body, ADMIN, PASSWORD, headers);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body()).orElseThrow();
    }

    @Test
    void anAdministratorCreatesALookupThatEveryoneCanRead() {
        HttpResponse<String> created = asAdmin("POST", "/api/v1/lookups", aLookup("services", "health", "school"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode read = json(api.get("/api/v1/lookups/services", WORKER, WORKER_PASSWORD));
        assertThat(read.at("/values/1/label/fr").stringValue()).isEqualTo("school (fr)");
        assertThat(api.get("/api/v1/lookups", WORKER, WORKER_PASSWORD).body()).contains("\"id\":\"services\"");
    }

    @Test
    void anInvalidLookupIs422WithEveryProblem() {
        String bad = Json.write(Map.of("id", "Bad Id", "name", Map.of("fr", "x"), "values", List.of(
                Map.of("value", "a", "label", Map.of("en", "A")), Map.of("value", "a", "label", Map.of("en", "A again"))),
                "version", 0));

        HttpResponse<String> response = asAdmin("POST", "/api/v1/lookups", bad);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).extracting(e -> e.get("path").stringValue())
                .contains("/id", "/name", "/values/1/value");
        assertThat(asAdmin("POST", "/api/v1/lookups", "not json").statusCode()).isEqualTo(422);
    }

    @Test
    void aStaleUpdateIs412AndChangesNothing() {
        asAdmin("POST", "/api/v1/lookups", aLookup("stale-list", "a"));
        assertThat(asAdmin("PUT", "/api/v1/lookups/stale-list", aLookup("stale-list", "a", "b"), "If-Match", "\"1\"")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> late = asAdmin("PUT", "/api/v1/lookups/stale-list", aLookup("stale-list", "a", "c"),
                "If-Match", "\"1\"");

        assertThat(late.statusCode()).isEqualTo(412);
        assertThat(json(asAdmin("GET", "/api/v1/lookups/stale-list", null)).get("values")).hasSize(2)
                .extracting(v -> v.get("value").stringValue()).containsExactly("a", "b");
    }

    @Test
    void aValueNobodyUsesCanBeDeletedAndAnyValueRetired() {
        asAdmin("POST", "/api/v1/lookups", aLookup("free", "a", "b"));

        HttpResponse<String> retired = asAdmin("POST", "/api/v1/lookups/free/values/a/retire", null);
        HttpResponse<String> deleted = asAdmin("DELETE", "/api/v1/lookups/free/values/b", null);

        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode values = json(deleted).get("values");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).get("retired").booleanValue()).isTrue();
        assertThat(asAdmin("DELETE", "/api/v1/lookups/free/values/zzz", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aValueAFormUsesCannotBeDeletedNeitherDirectlyNorByLeavingItOut() {
        asAdmin("POST", "/api/v1/lookups", aLookup("reasons", "war", "flood"));
        FormDefinitions.Builder form = FormDefinitions.aForm("uses-reasons")
                .field("reason", FormDefinitions.field("string", "single_choice", "identity", "Reason"))
                .annotate("reason", "lookup", "reasons").annotate("reason", "default", "war");
        assertThat(asAdmin("POST", "/api/v1/forms", form.json()).statusCode()).isEqualTo(201);

        HttpResponse<String> delete = asAdmin("DELETE", "/api/v1/lookups/reasons/values/war", null, "Accept-Language", "fr");
        HttpResponse<String> update = asAdmin("PUT", "/api/v1/lookups/reasons", aLookup("reasons", "flood"),
                "If-Match", "\"1\"");

        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(json(delete).get("detail").stringValue()).contains("retirez-la");
        assertThat(update.statusCode()).isEqualTo(409);
        assertThat(asAdmin("POST", "/api/v1/lookups/reasons/values/war/retire", null).statusCode()).isEqualTo(200);
        assertThat(asAdmin("DELETE", "/api/v1/lookups/reasons/values/flood", null).statusCode()).isEqualTo(200);
    }

    @Test
    void exportAndImportRoundTripAndImportReplacesAnExistingLookup() {
        asAdmin("POST", "/api/v1/lookups", aLookup("round", "x"));
        String exported = asAdmin("GET", "/api/v1/lookups/round/export", null).body();

        HttpResponse<String> replaced = asAdmin("POST", "/api/v1/lookups/import", exported.replace("\"x\"", "\"y\""));
        HttpResponse<String> created = asAdmin("POST", "/api/v1/lookups/import", exported.replace("\"round\"", "\"copy\""));

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).at("/values/0/value").stringValue()).isEqualTo("y");
        assertThat(json(replaced).get("version").longValue()).isEqualTo(2);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(asAdmin("GET", "/api/v1/lookups/copy", null)).at("/values/0/value").stringValue()).isEqualTo("x");
    }

    @Test
    void aCaseWorkerGets403OnEveryLookupWrite() {
        asAdmin("POST", "/api/v1/lookups", aLookup("guarded-list", "a"));

        assertThat(List.of(
                api.post("/api/v1/lookups", aLookup("mine", "a"), WORKER, WORKER_PASSWORD),
                api.put("/api/v1/lookups/guarded-list", aLookup("guarded-list"), WORKER, WORKER_PASSWORD),
                api.post("/api/v1/lookups/import", aLookup("guarded-list"), WORKER, WORKER_PASSWORD),
                api.delete("/api/v1/lookups/guarded-list/values/a", WORKER, WORKER_PASSWORD)))
                .extracting(HttpResponse::statusCode).containsOnly(403);
        assertThat(json(asAdmin("GET", "/api/v1/lookups/guarded-list", null)).get("values")).hasSize(1);
    }
}

package org.kinship.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActor;
import org.kinship.forms.internal.Json;
import org.kinship.security.DefaultRoles;
import org.kinship.security.UserAccountService;
import org.kinship.templates.internal.Ed25519;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class TemplateApiIntegrationTests {

    private static final String ADMIN = PlatformIntegrationTest.ADMIN;
    private static final String PASSWORD = PlatformIntegrationTest.ADMIN_PASSWORD;
    private static final String WORKER = "templates.worker";
    private static final String WORKER_PASSWORD = "Correct-Horse-Battery-9";
    private static final KeyPair PUBLISHER = Ed25519.generate();

    @LocalServerPort
    int port;
    @Autowired
    TemplateService templates;
    @Autowired
    UserAccountService accounts;

    ApiClient api;
    TemplatePackages pkg;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        if (accounts.findByUsername(WORKER).isEmpty()) {
            accounts.createAgency("TPL", "Templates agency");
            accounts.create(WORKER, WORKER_PASSWORD, "Worker", Set.of(DefaultRoles.CASE_WORKER), "TPL");
        }
        templates.trust("publisher", Ed25519.encode(PUBLISHER.getPublic()), new AuditActor(null, ADMIN));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        pkg = TemplatePackages.aPackage("api.test." + suffix, "api_" + suffix);
    }

    @Test
    void aDryRunPreviewsWithoutApplyingAndAnImportApplies() {
        JsonNode preview = json(api.post("/api/v1/templates/import?dryRun=true", pkg.signedWith(PUBLISHER), ADMIN,
                PASSWORD));
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.at("/changes/0/kind").asString()).isEqualTo("ADDED");

        HttpResponse<String> applied = api.post("/api/v1/templates/import", pkg.signedWith(PUBLISHER), ADMIN, PASSWORD);
        assertThat(applied.statusCode()).isEqualTo(200);

        JsonNode installed = json(api.get("/api/v1/templates", ADMIN, PASSWORD));
        assertThat(installed.valueStream().map(p -> p.at("/manifest/publisher").asString()))
                .contains("Test coordination body");
    }

    @Test
    void aDryRunShowsLookupValuesAddedRemovedAndRelabelledPerLanguage() {
        api.post("/api/v1/templates/import", pkg.lookupValue("other", "Other").signedWith(PUBLISHER), ADMIN, PASSWORD);
        String next = pkg.version("1.1.0").withoutLookupValue("other").lookupValue("male", "Boy")
                .lookupValue("unknown", "Unknown").signedWith(PUBLISHER);

        JsonNode preview = json(api.post("/api/v1/templates/import?dryRun=true", next, ADMIN, PASSWORD));

        JsonNode lookup = preview.get("changes").valueStream()
                .filter(change -> change.get("item").asString().equals("lookup:" + formId() + "_sex")).findFirst()
                .orElseThrow();
        assertThat(lookup.get("kind").asString()).isEqualTo("UPDATED");
        assertThat(lookup.at("/lookupDiff/added/0").asString()).isEqualTo("unknown");
        assertThat(lookup.at("/lookupDiff/removed/0").asString()).isEqualTo("other");
        assertThat(lookup.at("/lookupDiff/relabelled").valueStream()
                .map(relabel -> relabel.get("value").asString() + " " + relabel.get("language").asString() + " "
                        + relabel.get("before").asString() + " -> " + relabel.get("after").asString()))
                .contains("male en Male -> Boy", "male fr Male (fr) -> Boy (fr)");
        assertThat(preview.get("applied").asBoolean()).isFalse();
    }

    @Test
    void aRefusalIsAProblemNamingTheReason() {
        HttpResponse<String> refused = api.post("/api/v1/templates/import", pkg.signedWith(Ed25519.generate()), ADMIN,
                PASSWORD, "Accept-Language", "fr");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("reason").asString()).isEqualTo("UNTRUSTED_PUBLISHER");
        assertThat(json(refused).get("detail").asString()).contains("ne fait pas confiance");
    }

    @Test
    void conflictsWithoutAChoiceAre409AndAChoiceInTheQueryAppliesThem() {
        api.post("/api/v1/templates/import", pkg.signedWith(PUBLISHER), ADMIN, PASSWORD);
        String upgrade = pkg.version("2.0.0").givenNameLabel("Upstream name").signedWith(PUBLISHER);
        api.put("/api/v1/forms/" + formId(), pkg.givenNameLabel("Local name").form(), ADMIN, PASSWORD);

        HttpResponse<String> unresolved = api.post("/api/v1/templates/import", upgrade, ADMIN, PASSWORD);
        assertThat(unresolved.statusCode()).isEqualTo(409);
        String choices = String.join("&", json(unresolved).get("conflicts").valueStream()
                .map(conflict -> "resolve=" + URLEncoder.encode(conflict.get("key").asString() + "=LOCAL",
                        StandardCharsets.UTF_8)).toList());

        HttpResponse<String> resolved = api.post("/api/v1/templates/import?" + choices, upgrade, ADMIN, PASSWORD);
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/forms/" + formId(), ADMIN, PASSWORD).body()).contains("Local name");
    }

    @Test
    void anExportIsASignedPackage() {
        api.post("/api/v1/templates/import", pkg.signedWith(PUBLISHER), ADMIN, PASSWORD);

        HttpResponse<String> exported = api.post("/api/v1/templates/export", """
                {"packageId": "ours", "version": "1.0.0", "title": {"en": "Ours"}, "formIds": ["%s"], "lookupIds": []}
                """.formatted(formId()), ADMIN, PASSWORD);

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(json(exported).at("/signature/algorithm").asString()).isEqualTo("Ed25519");
        assertThat(json(exported).at("/content/forms/0/x-kinship/formId").asString()).isEqualTo(formId());
    }

    @Test
    void onlyAdministratorsManageTemplates() {
        assertThat(api.get("/api/v1/templates", WORKER, WORKER_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/templates/import", pkg.signedWith(PUBLISHER), WORKER, WORKER_PASSWORD)
                .statusCode()).isEqualTo(403);
    }

    private String formId() {
        return Json.read(pkg.form()).orElseThrow().at("/x-kinship/formId").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body()).orElseThrow(() -> new AssertionError(response.body()));
    }
}

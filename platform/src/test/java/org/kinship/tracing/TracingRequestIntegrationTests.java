package org.kinship.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseTestUsers;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
class TracingRequestIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.concurrent.atomic.AtomicInteger AGENCIES = new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    ConsentService consent;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    LookupService lookups;

    @Autowired
    MatchingJobService jobs;

    @Autowired
    AuditLog audit;

    @Autowired
    com.mongodb.client.MongoDatabase database;

    ApiClient api;
    CaseTestUsers users;
    KinshipUser worker;
    KinshipUser supervisor;
    String agency;

    @org.junit.jupiter.api.BeforeAll
    static void publishCaseForms(@Autowired org.springframework.context.ApplicationContext context) {
        org.kinship.cases.CaseForms.publish(context);
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        users = new CaseTestUsers(accounts);
        TracingFixtures.publishTracingRequestForm(forms, lookups);
        agency = "TR" + AGENCIES.incrementAndGet();
        worker = users.worker(agency);
        supervisor = users.supervisor(agency);
    }

    @Test
    void aCaseWithConsentMatchesARequestInAnotherSpellingAndScriptAndWithoutConsentItDoesNot() {
        CaseFile consenting = mustafa().registeredBy(cases, worker);
        consent(consenting, ConsentDecision.GIVEN);
        CaseFile refusing = mustafa().registeredBy(cases, worker);
        consent(refusing, ConsentDecision.REFUSED);
        CaseFile notAsked = mustafa().registeredBy(cases, worker);

        String latin = created(request("Moustapha Houssein", "Fatouma Brahim"));
        JsonNode matches = read(get("/api/v1/tracing-requests/" + latin + "/matches", supervisor));
        assertThat(recordIds(matches)).containsExactly(consenting.id());
        assertThat(matches.get(0).path("label").asString()).isEqualTo("LIKELY");
        assertThat(matches.get(0).path("recordNumber").asString()).isEqualTo(consenting.caseNumber());
        assertThat(agreements(matches.get(0))).containsEntry("NAME", "FULL").containsEntry("SEX", "AGREE")
                .containsEntry("FAMILY", "AGREE");
        assertThat(recordIds(matches)).doesNotContain(refusing.id(), notAsked.id());

        String arabic = created(request("مصطفى حسين", "فاطمة إبراهيم"));
        JsonNode arabicMatches = read(get("/api/v1/tracing-requests/" + arabic + "/matches", supervisor));
        assertThat(recordIds(arabicMatches)).containsExactly(consenting.id());
        assertThat(arabicMatches.get(0).path("label").asString()).isIn("LIKELY", "POSSIBLE");

        JsonNode fromTheCase = read(get("/api/v1/cases/" + consenting.id() + "/matches", worker));
        assertThat(recordIds(fromTheCase)).isEmpty();
        JsonNode fromTheCaseForSupervisor = read(get("/api/v1/cases/" + consenting.id() + "/matches", supervisor));
        assertThat(recordIds(fromTheCaseForSupervisor)).contains(latin, arabic);
    }

    @Test
    void consentGivenAfterRegistrationMakesTheCaseACandidate() {
        CaseFile child = mustafa().registeredBy(cases, worker);
        String request = created(request("Mustafa Hussein", "Fatima Ibrahim"));
        assertThat(recordIds(read(get("/api/v1/tracing-requests/" + request + "/matches", supervisor)))).isEmpty();

        consent(child, ConsentDecision.GIVEN);

        assertThat(recordIds(read(get("/api/v1/tracing-requests/" + request + "/matches", supervisor))))
                .containsExactly(child.id());
    }

    @Test
    void aRejectedPairNeverComesBackAfterEditsAndBulkRematchingAndAConfirmedOneIsRecordedOnBothRecords() {
        CaseFile first = mustafa().registeredBy(cases, worker);
        consent(first, ConsentDecision.GIVEN);
        String request = created(request("Moustapha Houssein", "Fatouma Brahim"));
        JsonNode matches = read(get("/api/v1/tracing-requests/" + request + "/matches", supervisor));
        String matchId = matches.get(0).path("matchId").asString();

        HttpResponse<String> noComment = post("/api/v1/matches/" + matchId + "/reject", "{}", supervisor);
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/matches/" + matchId + "/reject",
                "{\"comment\":\"The mother says her son has a scar; this boy has none\"}", supervisor).statusCode())
                .isEqualTo(200);
        assertThat(recordIds(read(get("/api/v1/tracing-requests/" + request + "/matches", supervisor)))).isEmpty();

        HttpResponse<String> edited = api.patch("/api/v1/tracing-requests/" + request,
                "{\"data\":{\"inquirer_phone\":\"+235 66 00 00 00\"}}", supervisor.username(), CaseTestUsers.PASSWORD,
                "If-Match", "\"1\"");
        assertThat(edited.statusCode()).isEqualTo(200);
        cases.editSection(worker, first.id(), first.version(), null, Map.of("age", 11), Locale.ENGLISH);
        assertThat(post("/api/v1/matching/rebuild", "", admin()).statusCode()).isEqualTo(202);
        assertThat(jobs.awaitIdle(Duration.ofSeconds(30))).isTrue();
        JsonNode progress = read(api.get("/api/v1/matching/rebuild", PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD));
        assertThat(progress.path("state").asString()).isEqualTo("DONE");
        assertThat(progress.path("done").asLong()).isEqualTo(progress.path("total").asLong());
        assertThat(recordIds(read(get("/api/v1/tracing-requests/" + request + "/matches", supervisor)))).isEmpty();

        CaseFile second = mustafa().registeredBy(cases, worker);
        consent(second, ConsentDecision.GIVEN);
        JsonNode again = read(get("/api/v1/tracing-requests/" + request + "/matches", supervisor));
        assertThat(recordIds(again)).containsExactly(second.id());
        assertThat(post("/api/v1/matches/" + again.get(0).path("matchId").asString() + "/confirm",
                "{\"comment\":\"Mother recognised him\"}", supervisor).statusCode()).isEqualTo(200);

        JsonNode linked = read(get("/api/v1/tracing-requests/" + request, supervisor));
        assertThat(linked.path("links").get(0).path("caseId").asString()).isEqualTo(second.id());
        String requestNumber = linked.path("requestNumber").asString();
        assertThat(requestNumber).matches("TR-" + agency + "-\\d{4}-\\d{5}");
        assertThat(cases.history(worker, second.id())).anySatisfy(change -> {
            assertThat(change.path()).isEqualTo("links/tracing_request/" + request);
            assertThat(change.newValue()).isEqualTo(requestNumber);
        });
        assertThat(read(get("/api/v1/tracing-requests/" + request + "/matches", supervisor)).get(0)
                .path("state").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aRequestIsValidatedAgainstThePublishedFormWithEveryProblemNamed() {
        HttpResponse<String> invalid = post("/api/v1/tracing-requests",
                "{\"data\":{\"sought_children\":[{\"age\":3}]}}", worker);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> paths = new ArrayList<>();
        read(invalid).path("errors").forEach(error -> paths.add(error.path("path").asString()));
        assertThat(paths).contains("/inquirer_name", "/sought_children/0/name");
        assertThat(read(api.get("/api/v1/tracing-requests", supervisor.username(), CaseTestUsers.PASSWORD))
                .path("total").asLong()).isZero();
    }

    @Test
    void requestsOutsideTheScopeAreNotFoundAndEveryViewIsAudited() {
        String request = created(request("Khadija Adam", "Halima Adam"));
        KinshipUser elsewhere = users.supervisor("OTHER");
        KinshipUser colleague = users.worker(agency);

        assertThat(get("/api/v1/tracing-requests/" + request, elsewhere).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/tracing-requests/" + request, colleague).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/tracing-requests/" + request + "/matches", elsewhere).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/tracing-requests/" + request, supervisor).statusCode()).isEqualTo(200);
        assertThat(read(api.get("/api/v1/tracing-requests", elsewhere.username(), CaseTestUsers.PASSWORD))
                .path("items").size()).isZero();
        assertThat(audit.search(new AuditQuery(null, null, "tracing_request", request, null, null), 0, 50)
                .entries()).extracting(e -> e.action() + ":" + e.actorName())
                .contains("record.change:" + supervisor.username(), "record.view:" + supervisor.username());
    }

    @Test
    void theDuplicateCheckAndThePersonSearchFindOtherSpellingsWithinTheScope() {
        CaseFile child = CaseFiles.aRegisteredCase().named("Mohamed", "Abdelrahman").ofSex("male").aged(8)
                .registeredBy(cases, worker);
        KinshipUser elsewhere = users.supervisor("OTHER");

        JsonNode duplicates = read(get("/api/v1/cases/duplicates?name=Muhammad%20Abderahman&sex=male&age=8", worker));
        assertThat(recordIds(duplicates)).containsExactly(child.id());
        assertThat(recordIds(read(get("/api/v1/cases/duplicates?name=Muhammad%20Abderahman&sex=male&age=8",
                elsewhere)))).isEmpty();

        JsonNode hits = read(get("/api/v1/search/persons?q=" + java.net.URLEncoder.encode("محمد",
                java.nio.charset.StandardCharsets.UTF_8), worker));
        assertThat(recordIds(hits)).contains(child.id());
        assertThat(recordIds(read(get("/api/v1/search/persons?q=Mohammed", elsewhere)))).isEmpty();
    }

    @Test
    void administratorsTuneTheThresholdsWithOptimisticLocking() {
        JsonNode settings = read(api.get("/api/v1/matching/settings", PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD));
        assertThat(settings.path("likelyThreshold").asDouble()).isEqualTo(28.0);
        String body = settings.toString().replace("\"likelyThreshold\":28.0", "\"likelyThreshold\":30.0");
        HttpResponse<String> saved = api.put("/api/v1/matching/settings", body, PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(read(saved).path("version").asLong()).isEqualTo(1);
        assertThat(api.put("/api/v1/matching/settings", body, PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(412);
        assertThat(api.put("/api/v1/matching/settings", body, supervisor.username(), CaseTestUsers.PASSWORD)
                .statusCode()).isEqualTo(403);
        String restore = read(saved).toString().replace("\"likelyThreshold\":30.0", "\"likelyThreshold\":28.0");
        assertThat(api.put("/api/v1/matching/settings", restore.replace("\"possibleThreshold\":12.0",
                "\"possibleThreshold\":40.0"), PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(422);
        HttpResponse<String> restored = api.put("/api/v1/matching/settings", restore, PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(restored.statusCode()).isEqualTo(200);

        // the name frequency weights of ADR 0024 are tuned with the rest
        settings = read(restored);
        assertThat(settings.path("nameFrequency").path("strength").asDouble()).isEqualTo(1.0);
        assertThat(settings.path("nameFrequency").path("limit").asDouble()).isEqualTo(8.0);
        body = settings.toString().replace("\"strength\":1.0", "\"strength\":0.5");
        saved = api.put("/api/v1/matching/settings", body, PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(read(saved).path("nameFrequency").path("strength").asDouble()).isEqualTo(0.5);
        assertThat(read(api.get("/api/v1/matching/settings", PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD)).path("nameFrequency").path("strength").asDouble())
                .isEqualTo(0.5);
        String stored = read(saved).toString();
        HttpResponse<String> refused = api.put("/api/v1/matching/settings",
                stored.replace("\"strength\":0.5", "\"strength\":1.5"), PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(422);
        HttpResponse<String> back = api.put("/api/v1/matching/settings",
                stored.replace("\"strength\":0.5", "\"strength\":1.0"), PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(back.statusCode()).isEqualTo(200);

        // each agreeing name part beyond two adds its bits (ADR 0032), tuned with the rest and checked like them
        assertThat(read(back).path("nameFrequency").path("furtherPart").asDouble()).isEqualTo(4.6);
        assertThat(api.put("/api/v1/matching/settings", read(back).toString().replace("\"furtherPart\":4.6",
                "\"furtherPart\":-1.0"), PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(422);
        // weights stored before it existed keep their meaning: their name levels were estimated on names of any
        // number of parts, so a further part adds nothing to them
        var documents = database.getCollection("matching_settings");
        org.bson.Document document = documents.find(new org.bson.Document("_id", "weights")).first();
        String weights = document.getString("weights");
        assertThat(weights).contains("\"furtherPart\":4.6");
        documents.replaceOne(new org.bson.Document("_id", "weights"),
                document.append("weights", weights.replace(",\"furtherPart\":4.6", "")));
        HttpResponse<String> before = api.get("/api/v1/matching/settings", PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(before.statusCode()).isEqualTo(200);
        JsonNode old = read(before);
        assertThat(old.path("nameFrequency").path("furtherPart").asDouble()).isZero();
        assertThat(old.path("nameFrequency").path("strength").asDouble()).isEqualTo(1.0);
        assertThat(api.put("/api/v1/matching/settings", old.toString().replace("\"furtherPart\":0.0",
                "\"furtherPart\":4.6"), PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(200);
    }

    private static CaseFiles mustafa() {
        return CaseFiles.aRegisteredCase().named("Mustafa", "Hussein").ofSex("male").aged(10).livingIn("td-adre")
                .with("caregiver_name", "Fatima Ibrahim");
    }

    private void consent(CaseFile file, ConsentDecision decision) {
        consent.record(worker, file.id(), Map.of(ConsentPurpose.TRACING, decision), DataProtectionWishes.NONE, 0);
    }

    private String request(String childName, String inquirer) {
        return JSON.writeValueAsString(Map.of("data", Map.of("inquirer_name", inquirer, "inquirer_relationship", "mother",
                "sought_children", List.of(Map.of("name", childName, "sex", "male", "age", 10,
                        "separation_place", "td-adre")))));
    }

    private String created(String body) {
        HttpResponse<String> response = post("/api/v1/tracing-requests", body, supervisor);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response).path("id").asString();
    }

    private static List<String> recordIds(JsonNode candidates) {
        List<String> ids = new ArrayList<>();
        candidates.forEach(candidate -> ids.add(candidate.path("recordId").asString()));
        return ids;
    }

    private static Map<String, String> agreements(JsonNode candidate) {
        Map<String, String> agreements = new java.util.HashMap<>();
        candidate.path("comparisons").forEach(c -> agreements.put(c.path("field").asString(),
                c.path("agreement").asString()));
        return agreements;
    }

    private HttpResponse<String> get(String path, KinshipUser user) {
        return api.get(path, user.username(), CaseTestUsers.PASSWORD);
    }

    private HttpResponse<String> post(String path, String body, KinshipUser user) {
        return api.post(path, body, user.username(), CaseTestUsers.PASSWORD);
    }

    private HttpResponse<String> post(String path, String body, String username) {
        return api.post(path, body, username, PlatformIntegrationTest.ADMIN_PASSWORD);
    }

    private static String admin() {
        return PlatformIntegrationTest.ADMIN;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

package org.kinship.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.tracing.MatchLabel;
import org.kinship.tracing.PotentialMatch;
import org.kinship.tracing.PotentialMatchStore;
import org.kinship.tracing.ReviewState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
class CaseMergeIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseAttachmentService attachments;

    @Autowired
    ConsentService consent;

    @Autowired
    PotentialMatchStore matches;

    ApiClient api;
    KinshipUser worker;
    CaseFile survivor;
    CaseFile duplicate;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        worker = new CaseTestUsers(accounts).worker("MERG");
        survivor = CaseFiles.aRegisteredCase().named("Amina", "Bakari").aged(9).registeredBy(cases, worker);
        duplicate = CaseFiles.aRegisteredCase().named("Aminah", "Bakari").aged(10).livingIn("CD-NK-RUTSHURU")
                .registeredBy(cases, worker);
    }

    @Test
    void theChosenValuesNotesFlagsAttachmentsConsentAndReviewsMoveToTheSurvivorAndTheDuplicateIsClosedWithLinksBothWays() {
        cases.addNote(worker, duplicate.id(), null, "Seen at the Goma transit centre.");
        cases.flag(worker, duplicate.id(), null, "Needs a medical check");
        CaseAttachment photo = attachments.attach(worker, duplicate.id(), "photo.png", "image/png",
                new ByteArrayInputStream(new byte[] {1, 2, 3}));
        consent.record(worker, duplicate.id(), Map.of(ConsentPurpose.TRACING, ConsentDecision.GIVEN),
                DataProtectionWishes.NONE, 0);
        String request = "tr-merge-" + duplicate.id() + "~0";
        String rejectedRequest = "tr-merge-other-" + duplicate.id() + "~0";
        Instant at = Instant.parse("2026-01-05T10:00:00Z");
        matches.save(PotentialMatch.detected(duplicate.id(), request, 30, MatchLabel.LIKELY, at)
                .confirm("reviewer-1", at, "Same child"));
        matches.save(PotentialMatch.detected(duplicate.id(), rejectedRequest, 15, MatchLabel.POSSIBLE, at)
                .reject("reviewer-1", at, "Different mother"));
        CaseFile before = cases.get(worker, duplicate.id());

        JsonNode preview = read(api.get("/api/v1/cases/" + survivor.id() + "/merge?duplicateId=" + duplicate.id(),
                worker.username(), CaseTestUsers.PASSWORD));
        assertThat(preview.path("fields").findValuesAsString("field"))
                .containsExactlyInAnyOrder("given_name", "estimated_age", "current_location");
        assertThat(preview.path("notes").asInt()).isEqualTo(1);
        assertThat(preview.path("flags").asInt()).isEqualTo(1);
        assertThat(preview.path("attachments").asInt()).isEqualTo(1);
        assertThat(preview.path("duplicateVersion").asLong()).isEqualTo(before.version());

        HttpResponse<String> merged = merge(survivor.id(), Map.of("duplicateId", duplicate.id(), "version",
                survivor.version(), "duplicateVersion", before.version(), "choices",
                Map.of("registration/given_name", "SURVIVOR", "registration/estimated_age", "DUPLICATE",
                        "registration/current_location", "SURVIVOR")));

        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(merged.headers().firstValue("ETag")).hasValue("\"" + (survivor.version() + 1) + "\"");
        CaseFile kept = cases.get(worker, survivor.id());
        assertThat(kept.value("given_name")).hasValue("Amina");
        assertThat(kept.value("estimated_age")).hasValueSatisfying(age -> assertThat(((Number) age).intValue())
                .isEqualTo(10));
        assertThat(kept.value("current_location")).hasValue("CD-NK-GOMA");
        assertThat(kept.notes()).extracting(CaseNote::text).containsExactly("Seen at the Goma transit centre.");
        assertThat(kept.flags()).extracting(CaseFlag::reason).containsExactly("Needs a medical check");
        assertThat(kept.attachments()).extracting(CaseAttachment::id).containsExactly(photo.id());
        assertThat(attachments.open(worker, survivor.id(), photo.id()).bytes()).containsExactly(1, 2, 3);
        assertThat(cases.history(worker, survivor.id())).filteredOn(c -> c.version() == kept.version())
                .extracting(FieldChange::path).containsExactlyInAnyOrder("registration/estimated_age",
                        "notes/" + kept.notes().getFirst().id(), "flags/" + kept.flags().getFirst().id(),
                        "attachments/" + photo.id(), "links/merged_from/" + duplicate.id());

        CaseFile closed = cases.get(worker, duplicate.id());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closure().reason()).contains(survivor.caseNumber());
        assertThat(cases.history(worker, duplicate.id())).filteredOn(c -> c.version() == closed.version())
                .extracting(FieldChange::path, FieldChange::newValue).contains(
                        org.assertj.core.groups.Tuple.tuple("links/merged_into/" + survivor.id(), survivor.caseNumber()),
                        org.assertj.core.groups.Tuple.tuple("status", "CLOSED"));

        assertThat(consent.mayProceed(survivor.id(), ConsentPurpose.TRACING).allowed()).isTrue();
        assertThat(matches.find(survivor.id(), request)).get().extracting(PotentialMatch::state)
                .isEqualTo(ReviewState.CONFIRMED);
        assertThat(matches.find(survivor.id(), rejectedRequest)).get().extracting(PotentialMatch::state)
                .isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void aMissingOrUnknownChoiceIsRefusedWithTheFieldsNamedAndNothingIsWritten() {
        HttpResponse<String> refused = merge(survivor.id(), Map.of("duplicateId", duplicate.id(), "version",
                survivor.version(), "duplicateVersion", duplicate.version(), "choices",
                Map.of("registration/given_name", "DUPLICATE", "registration/sex", "DUPLICATE")));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(refused).path("errors").findValuesAsString("path")).containsExactlyInAnyOrder(
                "/choices/registration/estimated_age", "/choices/registration/current_location",
                "/choices/registration/sex");
        assertUnchanged();
    }

    @Test
    void aStaleVersionOfEitherCaseIsRefusedAndNothingIsWritten() {
        cases.editSection(worker, duplicate.id(), duplicate.version(), null, Map.of("estimated_age", 12),
                java.util.Locale.ENGLISH);
        CaseFile current = cases.get(worker, duplicate.id());
        HttpResponse<String> stale = merge(survivor.id(), Map.of("duplicateId", duplicate.id(), "version",
                survivor.version(), "duplicateVersion", duplicate.version(), "choices", allFromDuplicate()));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(read(stale).path("currentVersion").asLong()).isEqualTo(current.version());

        HttpResponse<String> staleSurvivor = merge(survivor.id(), Map.of("duplicateId", duplicate.id(), "version",
                survivor.version() - 1, "duplicateVersion", current.version(), "choices", allFromDuplicate()));
        assertThat(staleSurvivor.statusCode()).isEqualTo(412);
        assertThat(cases.get(worker, duplicate.id()).version()).isEqualTo(current.version());
        assertThat(cases.get(worker, duplicate.id()).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.get(worker, survivor.id()).version()).isEqualTo(survivor.version());
    }

    @Test
    void casesOutsideTheScopeAreNotFoundAndACaseCannotBeMergedWithItselfOrAClosedCase() {
        KinshipUser colleague = new CaseTestUsers(accounts).worker("MERG");
        HttpResponse<String> outside = api.post("/api/v1/cases/" + survivor.id() + "/merge",
                body(Map.of("duplicateId", duplicate.id(), "version", survivor.version(), "duplicateVersion",
                        duplicate.version(), "choices", allFromDuplicate())), colleague.username(), CaseTestUsers.PASSWORD);
        assertThat(outside.statusCode()).isEqualTo(404);
        CaseFile own = CaseFiles.aRegisteredCase().registeredBy(cases, colleague);
        HttpResponse<String> duplicateOutside = api.post("/api/v1/cases/" + own.id() + "/merge",
                body(Map.of("duplicateId", duplicate.id(), "version", own.version(), "duplicateVersion",
                        duplicate.version(), "choices", Map.of())), colleague.username(), CaseTestUsers.PASSWORD);
        assertThat(duplicateOutside.statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + survivor.id() + "/merge?duplicateId=" + duplicate.id(),
                colleague.username(), CaseTestUsers.PASSWORD).statusCode()).isEqualTo(404);

        assertThat(merge(survivor.id(), Map.of("duplicateId", survivor.id(), "version", survivor.version(),
                "duplicateVersion", survivor.version(), "choices", Map.of())).statusCode()).isEqualTo(400);
        assertThat(merge(survivor.id(), Map.of("duplicateId", duplicate.id(), "choices", Map.of())).statusCode())
                .isEqualTo(400);
        CaseFile closed = cases.close(worker, duplicate.id(), null, "Reunified");
        assertThat(merge(survivor.id(), Map.of("duplicateId", duplicate.id(), "version", survivor.version(),
                "duplicateVersion", closed.version(), "choices", allFromDuplicate())).statusCode()).isEqualTo(409);
        assertThat(cases.get(worker, survivor.id()).version()).isEqualTo(survivor.version());
    }

    private Map<String, String> allFromDuplicate() {
        return Map.of("registration/given_name", "DUPLICATE", "registration/estimated_age", "DUPLICATE",
                "registration/current_location", "DUPLICATE");
    }

    private void assertUnchanged() {
        assertThat(cases.get(worker, survivor.id()).version()).isEqualTo(survivor.version());
        CaseFile other = cases.get(worker, duplicate.id());
        assertThat(other.version()).isEqualTo(duplicate.version());
        assertThat(other.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.history(worker, survivor.id())).extracting(FieldChange::path)
                .noneMatch(path -> path.startsWith("links/"));
    }

    private HttpResponse<String> merge(String caseId, Map<String, Object> body) {
        return api.post("/api/v1/cases/" + caseId + "/merge", body(body), worker.username(), CaseTestUsers.PASSWORD);
    }

    private static String body(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    private static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

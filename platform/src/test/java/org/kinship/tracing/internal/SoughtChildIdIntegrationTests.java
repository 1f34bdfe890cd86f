package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseTestUsers;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.tracing.MatchLabel;
import org.kinship.tracing.MatchingService;
import org.kinship.tracing.PotentialMatch;
import org.kinship.tracing.PotentialMatchStore;
import org.kinship.tracing.ReviewState;
import org.kinship.tracing.TracingFixtures;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestService;
import org.springframework.beans.factory.annotation.Autowired;

/** Sought children keep their ids (and their matches and links) when the list is edited, reordered or shortened. */
@PlatformIntegrationTest
class SoughtChildIdIntegrationTests {

    private static final Instant AT = Instant.parse("2026-02-01T09:00:00Z");

    @Autowired
    UserAccountService accounts;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    LookupService lookups;

    @Autowired
    TracingRequestService requests;

    @Autowired
    MatchingService matching;

    @Autowired
    PotentialMatchStore matches;

    @Autowired
    SoughtChildIdMigration migration;

    @Autowired
    MongoDatabase database;

    KinshipUser worker;

    @BeforeEach
    void setUp() {
        TracingFixtures.publishTracingRequestForm(forms, lookups);
        worker = new CaseTestUsers(accounts).worker("SCID");
    }

    @Test
    void aChildKeepsItsIdMatchesAndLinksWhenAnotherChildIsRemovedBeforeIt() {
        TracingRequest request = requests.create(worker, Map.of("inquirer_name", "Fatima Houssein",
                "sought_children", List.of(child("Moustapha Houssein", "male"), child("Khadija Houssein", "female"))),
                Locale.ENGLISH);
        List<String> ids = requests.soughtChildIds(request);
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank()
                .doesNotMatch("\\d+"));
        String khadija = TracingRequest.soughtChildProfileId(request.id(), ids.get(1));
        assertThat(matching.profile(khadija)).isPresent();
        matches.save(PotentialMatch.detected(khadija, "case-khadija", 28, MatchLabel.LIKELY, AT)
                .confirm("reviewer", AT, "Same child"));
        requests.recordLink(worker, request.id(), ids.get(1), "case-khadija", "SCID-2026-00001", true);
        TracingRequest linked = requests.find(request.id()).orElseThrow();

        TracingRequest shortened = requests.update(worker, request.id(), linked.version(), Map.of("sought_children",
                List.of(children(linked).get(1))), Locale.ENGLISH);

        assertThat(requests.soughtChildIds(shortened)).containsExactly(ids.get(1));
        assertThat(shortened.links()).extracting(TracingRequest.TracingLink::soughtChildId).containsExactly(ids.get(1));
        assertThat(matching.profile(khadija)).get().satisfies(p -> assertThat(p.givenNames()).contains("Khadija"));
        assertThat(matching.profile(TracingRequest.soughtChildProfileId(request.id(), ids.get(0)))).isEmpty();
        assertThat(matches.find(khadija, "case-khadija")).get().extracting(PotentialMatch::state)
                .isEqualTo(ReviewState.CONFIRMED);
    }

    @Test
    void reorderingKeepsIdsAnUnknownIdIsNotTakenAndAListSentWithoutIdsKeepsThemByPosition() {
        TracingRequest request = requests.create(worker, Map.of("inquirer_name", "Zenaba Mahamat",
                "sought_children", List.of(child("Aicha Mahamat", "female"), child("Issa Mahamat", "male"))),
                Locale.ENGLISH);
        List<String> ids = requests.soughtChildIds(request);
        List<Map<String, Object>> stored = children(request);

        TracingRequest reordered = requests.update(worker, request.id(), request.version(),
                Map.of("sought_children", List.of(stored.get(1), stored.get(0))), Locale.ENGLISH);
        assertThat(requests.soughtChildIds(reordered)).containsExactly(ids.get(1), ids.get(0));
        assertThat(children(reordered).get(0).get("name")).isEqualTo("Issa Mahamat");

        Map<String, Object> forged = new LinkedHashMap<>(child("Hawa Mahamat", "female"));
        forged.put(TracingRequest.CHILD_ID, "someone-elses-child");
        TracingRequest added = requests.update(worker, request.id(), reordered.version(), Map.of("sought_children",
                List.of(children(reordered).get(0), children(reordered).get(1), forged)), Locale.ENGLISH);
        List<String> three = requests.soughtChildIds(added);
        assertThat(three.subList(0, 2)).containsExactly(ids.get(1), ids.get(0));
        assertThat(three.get(2)).isNotIn("someone-elses-child", ids.get(0), ids.get(1));

        TracingRequest withoutIds = requests.update(worker, request.id(), added.version(), Map.of("sought_children",
                List.of(child("Issa Mahamat Ali", "male"), child("Aicha Mahamat", "female"),
                        child("Hawa Mahamat", "female"))), Locale.ENGLISH);
        assertThat(requests.soughtChildIds(withoutIds)).containsExactlyElementsOf(three);
    }

    @Test
    void aRequestStoredWithPositionsGetsIdsAndItsLinksMatchesAndProfilesFollowAtStart() {
        TracingRequest request = requests.create(worker, Map.of("inquirer_name", "Achta Abakar",
                "sought_children", List.of(child("Halima Abakar", "female"), child("Moussa Abakar", "male"))),
                Locale.ENGLISH);
        // as stored before sought children had ids: no child_id, links by position, profiles and pairs by position
        List<Document> legacyChildren = new ArrayList<>();
        children(request).forEach(child -> {
            Document plain = new Document(child);
            plain.remove(TracingRequest.CHILD_ID);
            legacyChildren.add(plain);
        });
        database.getCollection("tracing_requests").updateOne(new Document("_id", request.id()), Updates.combine(
                Updates.set("data.sought_children", legacyChildren),
                Updates.set("links", List.of(new Document("soughtChild", 1).append("caseId", "case-moussa")
                        .append("caseNumber", "SCID-2026-00002").append("by", worker.id())
                        .append("at", java.util.Date.from(AT))))));
        requests.soughtChildIds(request).forEach(id -> matching.profileRemoved(
                TracingRequest.soughtChildProfileId(request.id(), id)));
        String legacyProfile = request.id() + "~1";
        matches.save(PotentialMatch.detected(legacyProfile, "case-moussa", 27, MatchLabel.LIKELY, AT)
                .confirm("reviewer", AT, "Same child"));

        assertThat(migration.migrate()).isGreaterThanOrEqualTo(1);

        TracingRequest migrated = requests.find(request.id()).orElseThrow();
        List<String> ids = requests.soughtChildIds(migrated);
        assertThat(ids).hasSize(2).noneMatch(id -> id.matches("\\d+"));
        assertThat(migrated.version()).isEqualTo(request.version());
        assertThat(migrated.links()).extracting(TracingRequest.TracingLink::soughtChildId).containsExactly(ids.get(1));
        String moussa = TracingRequest.soughtChildProfileId(request.id(), ids.get(1));
        assertThat(matches.find(moussa, "case-moussa")).get().extracting(PotentialMatch::state)
                .isEqualTo(ReviewState.CONFIRMED);
        assertThat(matches.find(legacyProfile, "case-moussa")).isEmpty();
        assertThat(matches.findByProfile(moussa)).extracting(m -> m.otherThan(moussa)).containsExactly("case-moussa");
        assertThat(matches.findByProfile("case-moussa")).extracting(m -> m.otherThan("case-moussa"))
                .as("the case finds the re-keyed pair, not the old one").containsExactly(moussa);
        assertThat(matching.profile(moussa)).get().satisfies(p -> assertThat(p.givenNames()).contains("Moussa"));
        assertThat(matching.profile(legacyProfile)).isEmpty();
        assertThat(migration.migrate()).isZero();
    }

    private static Map<String, Object> child(String name, String sex) {
        return Map.of("name", name, "sex", sex, "age", 9, "separation_place", "td-adre");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> children(TracingRequest request) {
        return (List<Map<String, Object>>) request.data().get("sought_children");
    }
}

package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.tracing.MatchLabel;
import org.kinship.tracing.PotentialMatch;
import org.kinship.tracing.ReviewState;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pairs of a profile are read through its {@code _id}-keyed lookup document: new pairs are found from both
 * sides, a key whose pair was never inserted is skipped, and pairs stored before the lookups existed are added to
 * them once at start.
 */
@PlatformIntegrationTest
class PotentialMatchLookupIntegrationTests {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MongoPotentialMatchRepository store;

    @Autowired
    MongoDatabase database;

    @Autowired
    DocumentMapper mapper;

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void aNewPairIsFoundFromBothProfilesAndKeepsItsReview() {
        String request = id("request");
        String child = id("case");
        String other = id("case");
        PotentialMatch saved = store.save(PotentialMatch.detected(request, child, 31.5, MatchLabel.LIKELY, AT));
        store.save(PotentialMatch.detected(request, other, 14.0, MatchLabel.POSSIBLE, AT));
        store.save(saved.reject("supervisor", AT, "Not her son"));

        assertThat(store.findByProfile(request)).extracting(m -> m.otherThan(request) + " " + m.state())
                .containsExactlyInAnyOrder(child + " " + ReviewState.REJECTED, other + " " + ReviewState.NEW);
        assertThat(store.findByProfile(child)).extracting(m -> m.otherThan(child)).containsExactly(request);
        assertThat(store.findByProfile(id("case"))).isEmpty();
    }

    @Test
    void aKeyWhosePairWasNeverInsertedIsSkipped() {
        String request = id("request");
        String child = id("case");
        store.save(PotentialMatch.detected(request, child, 20, MatchLabel.POSSIBLE, AT));
        // a crash after the lookup write and before the insert leaves this behind
        database.getCollection("potential_match_profiles").updateOne(Filters.eq("_id", request),
                Updates.addToSet("pairs", PotentialMatch.pairKey(request, "case-never-stored")));

        assertThat(store.findByProfile(request)).extracting(m -> m.otherThan(request)).containsExactly(child);
    }

    @Test
    void pairsStoredBeforeTheLookupsExistedAreAddedOnceAtStart() {
        String request = id("request");
        String child = id("case");
        PotentialMatch older = PotentialMatch.detected(request, child, 25, MatchLabel.POSSIBLE, AT).withVersion(3);
        Document document = mapper.toDocument(older);
        document.put("_id", older.pairKey());
        database.getCollection("potential_matches").insertOne(document);
        var lookups = database.getCollection("potential_match_profiles");
        lookups.deleteOne(Filters.eq("_id", MongoPotentialMatchRepository.LOOKUPS_BUILT));
        assertThat(store.findByProfile(request)).as("not in any lookup yet").isEmpty();

        MongoPotentialMatchRepository restarted = new MongoPotentialMatchRepository(database, mapper);

        assertThat(restarted.findByProfile(request)).extracting(PotentialMatch::version).containsExactly(3L);
        assertThat(restarted.findByProfile(child)).extracting(PotentialMatch::pairKey).containsExactly(older.pairKey());
        assertThat(lookups.find(Filters.eq("_id", MongoPotentialMatchRepository.LOOKUPS_BUILT)).first())
                .as("built once: the next start does not scan the pairs again").isNotNull();
        // a lookup written twice holds the key once
        lookups.updateOne(Filters.eq("_id", request), Updates.addToSet("pairs", older.pairKey()),
                new UpdateOptions().upsert(true));
        assertThat(restarted.findByProfile(request)).hasSize(1);
    }
}

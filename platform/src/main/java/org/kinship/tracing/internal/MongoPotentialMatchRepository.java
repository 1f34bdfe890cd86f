package org.kinship.tracing.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.tracing.PotentialMatch;
import org.kinship.tracing.PotentialMatchStore;
import org.kinship.tracing.ReviewState;
import org.springframework.stereotype.Repository;

/**
 * Potential matches in the {@code potential_matches} collection, one document per unordered pair (the
 * ordered pair is unique), optimistic locking on {@code version}.
 *
 * <p>The pairs of a profile are found through {@code potential_match_profiles}: one document per profile,
 * {@code _id} = the profile id, {@code pairs} = the keys of its pairs (ADR 0019's lookup documents: the embedded
 * server answers an {@code _id} read from its index, where the {@code leftId}/{@code rightId} query scanned every
 * pair, once per search). A new pair's key is added to both profiles' lookups <em>before</em> the pair is inserted,
 * so a crash between the two leaves a key without a pair (skipped when read), never a pair its profiles cannot
 * find. Pairs are deleted only when {@link #rekeyProfile re-keyed} (the sought-child id migration, which adds the
 * new key the same way first). Lookups missing for pairs stored before they existed are built once at start
 * (idempotent, finished by a marker document).
 */
@Repository
public class MongoPotentialMatchRepository implements PotentialMatchStore {

    /** The lookup document that says every pair stored before the lookups existed has been added to them. */
    static final String LOOKUPS_BUILT = "#lookups-built";

    private final MongoCollection<Document> matches;
    private final MongoCollection<Document> byProfile;
    private final DocumentMapper mapper;

    MongoPotentialMatchRepository(MongoDatabase database, DocumentMapper mapper) {
        this.matches = database.getCollection("potential_matches");
        this.byProfile = database.getCollection("potential_match_profiles");
        this.mapper = mapper;
        matches.createIndex(Indexes.ascending("leftId", "rightId"), new IndexOptions().unique(true).name("pair_unique"));
        matches.createIndex(Indexes.ascending("rightId"), new IndexOptions().name("right"));
        matches.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        matches.createIndex(Indexes.ascending("state"), new IndexOptions().name("state"));
        buildLookupsOnce();
    }

    /** Adds every stored pair to its profiles' lookups, unless that was done already (a one-time migration). */
    private void buildLookupsOnce() {
        if (byProfile.find(eq("_id", LOOKUPS_BUILT)).first() != null) {
            return;
        }
        for (Document pair : matches.find()) {
            addToLookups(pair.getString("_id"), pair.getString("leftId"), pair.getString("rightId"));
        }
        byProfile.updateOne(eq("_id", LOOKUPS_BUILT), Updates.set("pairs", List.of()),
                new UpdateOptions().upsert(true));
    }

    private void addToLookups(String pairKey, String leftId, String rightId) {
        for (String profileId : List.of(leftId, rightId)) {
            byProfile.updateOne(eq("_id", profileId), Updates.addToSet("pairs", pairKey),
                    new UpdateOptions().upsert(true));
        }
    }

    @Override
    public Optional<PotentialMatch> find(String oneId, String otherId) {
        return Optional.ofNullable(matches.find(eq("_id", PotentialMatch.pairKey(oneId, otherId))).first())
                .map(this::toMatch);
    }

    @Override
    public List<PotentialMatch> findByProfile(String profileId) {
        Document lookup = byProfile.find(eq("_id", profileId)).first();
        if (lookup == null) {
            return List.of();
        }
        List<PotentialMatch> found = new ArrayList<>();
        for (String pairKey : lookup.getList("pairs", String.class, List.of())) {
            // a key whose pair was never inserted (a crash between the two writes) is skipped
            Optional.ofNullable(matches.find(eq("_id", pairKey)).first()).map(this::toMatch).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(PotentialMatch::pairKey));
        return found;
    }

    @Override
    public List<PotentialMatch> findByState(ReviewState state, int limit) {
        return matches.find(eq("state", state.name())).sort(Sorts.orderBy(Sorts.descending("score"), Sorts.ascending("_id")))
                .limit(limit).map(this::toMatch).into(new ArrayList<>());
    }

    @Override
    public PotentialMatch save(PotentialMatch match) {
        PotentialMatch next = match.withVersion(match.version() + 1);
        if (match.version() == 0) {
            addToLookups(match.pairKey(), match.leftId(), match.rightId());
            try {
                matches.insertOne(toDocument(next));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw new StaleVersionException("potential match", match.pairKey(), 0);
                }
                throw e;
            }
            return next;
        }
        // a plain {_id, version} filter: the embedded server answers $and by scanning (served by id_version)
        Document replaced = matches.findOneAndReplace(
                new Document("_id", match.pairKey()).append("version", match.version()), toDocument(next));
        if (replaced == null) {
            throw new StaleVersionException("potential match", match.pairKey(), match.version());
        }
        return next;
    }

    /**
     * The pairs of profile {@code before} become pairs of {@code after}, review and version kept (ADR 0022's
     * sought-child id migration). Each moved pair is added to its lookups before it is inserted and the old pair
     * deleted after, so a crash in between leaves both (the migration runs again) and never a pair nobody finds.
     */
    void rekeyProfile(String before, String after) {
        // one-time migration: the scan also finds pairs that are in no lookup yet
        for (Document pair : matches.find(or(eq("leftId", before), eq("rightId", before))).into(new ArrayList<>())) {
            String other = before.equals(pair.getString("leftId")) ? pair.getString("rightId") : pair.getString("leftId");
            String leftId = after.compareTo(other) <= 0 ? after : other;
            String rightId = after.compareTo(other) <= 0 ? other : after;
            Document moved = new Document(pair);
            moved.put("_id", PotentialMatch.pairKey(after, other));
            moved.put("leftId", leftId);
            moved.put("rightId", rightId);
            addToLookups(moved.getString("_id"), leftId, rightId);
            try {
                matches.insertOne(moved);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            matches.deleteOne(eq("_id", pair.get("_id")));
        }
    }

    private Document toDocument(PotentialMatch match) {
        Document document = mapper.toDocument(match);
        document.put("_id", match.pairKey());
        return document;
    }

    private PotentialMatch toMatch(Document document) {
        return mapper.fromDocument(document, PotentialMatch.class);
    }
}

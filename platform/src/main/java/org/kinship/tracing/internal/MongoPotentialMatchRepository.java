package org.kinship.tracing.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
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
 */
@Repository
public class MongoPotentialMatchRepository implements PotentialMatchStore {

    private final MongoCollection<Document> matches;
    private final DocumentMapper mapper;

    MongoPotentialMatchRepository(MongoDatabase database, DocumentMapper mapper) {
        this.matches = database.getCollection("potential_matches");
        this.mapper = mapper;
        matches.createIndex(Indexes.ascending("leftId", "rightId"), new IndexOptions().unique(true).name("pair_unique"));
        matches.createIndex(Indexes.ascending("rightId"), new IndexOptions().name("right"));
        matches.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        matches.createIndex(Indexes.ascending("state"), new IndexOptions().name("state"));
    }

    @Override
    public Optional<PotentialMatch> find(String oneId, String otherId) {
        return Optional.ofNullable(matches.find(eq("_id", PotentialMatch.pairKey(oneId, otherId))).first())
                .map(this::toMatch);
    }

    @Override
    public List<PotentialMatch> findByProfile(String profileId) {
        return matches.find(or(eq("leftId", profileId), eq("rightId", profileId))).sort(Sorts.ascending("_id"))
                .map(this::toMatch).into(new ArrayList<>());
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

    private Document toDocument(PotentialMatch match) {
        Document document = mapper.toDocument(match);
        document.put("_id", match.pairKey());
        return document;
    }

    private PotentialMatch toMatch(Document document) {
        return mapper.fromDocument(document, PotentialMatch.class);
    }
}

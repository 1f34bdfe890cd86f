package org.kinship.workflow.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevels;
import org.kinship.workflow.TargetOverride;
import org.springframework.stereotype.Repository;

/**
 * {@code service_levels} (one document, {@code _id: "current"}) and {@code case_targets} (one document per case
 * with an override, earlier overrides kept in {@code history}). Both carry a {@code version}; writes are
 * conditional on it with a plain {@code {_id, version}} filter served by a unique index.
 */
@Repository
class MongoServiceLevelStore {

    static final String CURRENT = "current";

    private final MongoCollection<Document> levels;
    private final MongoCollection<Document> caseTargets;
    private final DocumentMapper mapper;

    MongoServiceLevelStore(MongoDatabase database, DocumentMapper mapper) {
        this.levels = database.getCollection("service_levels");
        this.caseTargets = database.getCollection("case_targets");
        this.mapper = mapper;
        levels.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        caseTargets.createIndex(Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("id_version"));
    }

    record Stored(@Nullable TargetOverride override, long version) {
    }

    ServiceLevels current() {
        Document document = levels.find(eq("_id", CURRENT)).first();
        if (document == null) {
            return new ServiceLevels(List.of(), 0, null, null);
        }
        List<ServiceLevel> targets = document.getList("targets", Document.class, List.of()).stream()
                .map(d -> mapper.fromDocument(d, ServiceLevel.class)).toList();
        Date at = document.getDate("updatedAt");
        return new ServiceLevels(targets, version(document), at == null ? null : at.toInstant(),
                document.getString("updatedBy"));
    }

    /** Replaces the targets if they still have {@code expectedVersion}; empty when someone else saved first. */
    Optional<ServiceLevels> replace(long expectedVersion, List<ServiceLevel> targets, String by, Instant at) {
        List<Document> documents = targets.stream().map(mapper::toDocument).toList();
        Document existing = levels.find(eq("_id", CURRENT)).first();
        if (existing == null) {
            if (expectedVersion != 0) {
                return Optional.empty();
            }
            try {
                levels.insertOne(new Document("_id", CURRENT).append("targets", documents).append("version", 1L)
                        .append("updatedAt", Date.from(at)).append("updatedBy", by));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
            return Optional.of(new ServiceLevels(targets, 1, at, by));
        }
        if (version(existing) != expectedVersion) {
            return Optional.empty();
        }
        // documents written before versions existed have none: match them by id alone
        Document filter = existing.containsKey("version") ? new Document("_id", CURRENT).append("version",
                existing.get("version")) : new Document("_id", CURRENT);
        Document after = levels.findOneAndUpdate(filter, Updates.combine(Updates.set("targets", documents),
                Updates.set("version", expectedVersion + 1), Updates.set("updatedAt", Date.from(at)),
                Updates.set("updatedBy", by)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return after == null ? Optional.empty() : Optional.of(new ServiceLevels(targets, expectedVersion + 1, at, by));
    }

    /** No installed targets any more (an undone first install): the standard targets apply. */
    void remove() {
        levels.deleteOne(eq("_id", CURRENT));
    }

    Stored override(String caseId) {
        Document document = caseTargets.find(eq("_id", caseId)).first();
        if (document == null) {
            return new Stored(null, 0);
        }
        Document override = document.get("override", Document.class);
        return new Stored(override == null ? null : mapper.fromDocument(override, TargetOverride.class),
                version(document));
    }

    /** Stores (or with {@code null} removes) a case's override if the record still has {@code expectedVersion}. */
    boolean saveOverride(String caseId, long expectedVersion, @Nullable TargetOverride override,
            TargetOverride entry) {
        Object value = override == null ? null : mapper.toDocument(override);
        if (expectedVersion == 0) {
            try {
                caseTargets.insertOne(new Document("_id", caseId).append("override", value).append("version", 1L)
                        .append("history", List.of(mapper.toDocument(entry))));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return caseTargets.updateOne(new Document("_id", caseId).append("version", expectedVersion),
                Updates.combine(Updates.set("override", value), Updates.inc("version", 1L),
                        Updates.push("history", mapper.toDocument(entry)))).getModifiedCount() == 1;
    }

    private static long version(Document document) {
        Object version = document.get("version");
        return version instanceof Number number ? number.longValue() : 0;
    }
}

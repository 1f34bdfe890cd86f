package org.kinship.audit.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditOutcome;
import org.kinship.audit.AuditPage;
import org.kinship.audit.AuditQuery;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit} collection. The sequence is the document {@code _id}, so two nodes can never store two
 * entries with the same sequence: the second insert fails with a duplicate key and its writer retries on top
 * of the new head (ADR 0004). Nothing here updates or deletes.
 */
@Repository
public class MongoAuditRepository {

    private final MongoCollection<Document> audit;

    MongoAuditRepository(MongoDatabase database) {
        this.audit = database.getCollection("audit");
        audit.createIndex(Indexes.ascending("at"), new IndexOptions().name("at"));
        audit.createIndex(Indexes.ascending("actorName"), new IndexOptions().name("actor"));
        audit.createIndex(Indexes.ascending("resourceId"), new IndexOptions().name("resource"));
    }

    /** An entry as stored; {@code entry} is absent when the document cannot be read back as an entry. */
    public record Stored(long sequence, @Nullable AuditEntry entry) {
    }

    public Optional<AuditEntry> head() {
        return Optional.ofNullable(audit.find().sort(Sorts.descending("_id")).first()).map(MongoAuditRepository::toEntry);
    }

    /** Inserts the entry; false when another writer already stored this sequence. */
    public boolean tryAppend(AuditEntry entry) {
        try {
            audit.insertOne(toDocument(entry));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Visits every entry in sequence order until {@code visitor} answers false. */
    public void walk(Predicate<Stored> visitor) {
        try (MongoCursor<Document> cursor = audit.find().sort(Sorts.ascending("_id")).iterator()) {
            while (cursor.hasNext()) {
                Document document = cursor.next();
                AuditEntry entry;
                try {
                    entry = toEntry(document);
                } catch (RuntimeException unreadable) {
                    entry = null;
                }
                long sequence = document.get("_id") instanceof Number number ? number.longValue() : -1;
                if (!visitor.test(new Stored(sequence, entry))) {
                    return;
                }
            }
        }
    }

    public AuditPage search(AuditQuery query, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (query.actor() != null) {
            filters.add(or(eq("actorName", query.actor()), eq("actorId", query.actor())));
        }
        addIfPresent(filters, "action", query.action());
        addIfPresent(filters, "resourceType", query.resourceType());
        addIfPresent(filters, "resourceId", query.resourceId());
        if (query.from() != null) {
            filters.add(gte("at", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(lt("at", Date.from(query.to())));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : and(filters);
        List<AuditEntry> entries = audit.find(filter).sort(Sorts.descending("_id")).skip(page * size).limit(size)
                .map(MongoAuditRepository::toEntry).into(new ArrayList<>());
        return new AuditPage(entries, page, size, audit.countDocuments(filter));
    }

    private static void addIfPresent(List<Bson> filters, String field, @Nullable String value) {
        if (value != null) {
            filters.add(eq(field, value));
        }
    }

    static Document toDocument(AuditEntry entry) {
        return new Document("_id", entry.sequence())
                .append("at", Date.from(entry.at()))
                .append("actorId", entry.actorId())
                .append("actorName", entry.actorName())
                .append("action", entry.action())
                .append("resourceType", entry.resourceType())
                .append("resourceId", entry.resourceId())
                .append("outcome", entry.outcome().key())
                .append("details", new Document(entry.details()))
                .append("previousHash", entry.previousHash())
                .append("hash", entry.hash());
    }

    static AuditEntry toEntry(Document document) {
        Map<String, String> details = new LinkedHashMap<>();
        document.get("details", Document.class).forEach((key, value) -> details.put(key, String.valueOf(value)));
        return new AuditEntry(((Number) document.get("_id")).longValue(), document.getDate("at").toInstant(),
                document.getString("actorId"), document.getString("actorName"), document.getString("action"),
                document.getString("resourceType"), document.getString("resourceId"),
                AuditOutcome.fromKey(document.getString("outcome")), details, document.getString("previousHash"),
                document.getString("hash"));
    }
}

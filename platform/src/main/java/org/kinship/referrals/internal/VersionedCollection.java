package org.kinship.referrals.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;

/**
 * One collection of versioned records ({@code id} = {@code _id}, a {@code version} component): inserts, reads
 * and replacements conditional on the version with the plain {@code {_id, version}} filter its unique index
 * serves, so a lost update is refused ({@link StaleVersionException}).
 */
final class VersionedCollection<T> {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;
    private final Class<T> type;
    private final String aggregate;

    VersionedCollection(MongoCollection<Document> collection, DocumentMapper mapper, Class<T> type,
            String aggregate) {
        this.collection = collection;
        this.mapper = mapper;
        this.type = type;
        this.aggregate = aggregate;
        collection.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
    }

    void index(Bson keys, String name) {
        collection.createIndex(keys, new IndexOptions().name(name));
    }

    /** Stores a new record; a record with the same id already stored is a {@link StaleVersionException}. */
    T insert(T record, String id) {
        try {
            collection.insertOne(mapper.toDocument(record));
            return record;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new StaleVersionException(aggregate, id, 0);
            }
            throw e;
        }
    }

    Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(d -> mapper.fromDocument(d, type));
    }

    List<T> find(Bson filter, Bson sort, int limit) {
        return collection.find(filter).sort(sort).limit(limit).map(d -> mapper.fromDocument(d, type))
                .into(new ArrayList<>());
    }

    /** The records with these ids (the {@code _id} index answers {@code $in}), in no particular order. */
    List<T> byIds(List<String> ids) {
        return ids.isEmpty() ? List.of() : collection.find(com.mongodb.client.model.Filters.in("_id", ids))
                .map(d -> mapper.fromDocument(d, type)).into(new ArrayList<>());
    }

    /** Every record, one at a time (a start-time backfill; reads the whole collection). */
    void forEach(java.util.function.Consumer<T> action) {
        collection.find().batchSize(500).forEach(d -> action.accept(mapper.fromDocument(d, type)));
    }

    long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    /**
     * Replaces the stored record if it still has {@code expectedVersion} with {@code next} (whose version the
     * caller already raised by one).
     */
    T replace(String id, long expectedVersion, T next) {
        Document document = mapper.toDocument(next);
        if (collection.findOneAndReplace(new Document("_id", id).append("version", expectedVersion), document)
                == null) {
            throw new StaleVersionException(aggregate, id, expectedVersion);
        }
        return next;
    }
}

package org.kinship.forms.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.forms.AlreadyExistsException;
import org.kinship.forms.Lookup;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Lookups in the {@code lookups} collection, one document per lookup, id = lookup id. */
@Repository
public class MongoLookupRepository {

    private final MongoCollection<Document> lookups;
    private final DocumentMapper mapper;

    MongoLookupRepository(MongoDatabase database, DocumentMapper mapper) {
        this.lookups = database.getCollection("lookups");
        this.mapper = mapper;
    }

    public Optional<Lookup> findById(String id) {
        return Optional.ofNullable(lookups.find(eq("_id", id)).first()).map(this::toLookup);
    }

    public List<Lookup> findAll() {
        return lookups.find().sort(Sorts.ascending("_id")).map(this::toLookup).into(new ArrayList<>());
    }

    /** Stores a new lookup at version 1. */
    public Lookup insert(Lookup lookup) {
        Lookup stored = lookup.withVersion(1);
        try {
            lookups.insertOne(mapper.toDocument(stored));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new AlreadyExistsException("lookup", lookup.id());
            }
            throw e;
        }
        return stored;
    }

    /** Replaces the lookup if it still has {@code lookup.version()}; the stored copy gets version + 1. */
    public Lookup update(Lookup lookup) {
        Lookup next = lookup.withVersion(lookup.version() + 1);
        Document replaced = lookups.findOneAndReplace(and(eq("_id", lookup.id()), eq("version", lookup.version())),
                mapper.toDocument(next));
        if (replaced == null) {
            throw new StaleVersionException("lookup", lookup.id(), lookup.version());
        }
        return next;
    }

    /** Removes the lookup (an undone import of a lookup that did not exist before). */
    public void delete(String id) {
        lookups.deleteOne(eq("_id", id));
    }

    /** Puts {@code lookup} in place whatever is stored, with a version after the stored one. */
    public Lookup restore(Lookup lookup) {
        long stored = findById(lookup.id()).map(Lookup::version).orElse(0L);
        Lookup next = lookup.withVersion(Math.max(stored, lookup.version()) + 1);
        lookups.replaceOne(eq("_id", lookup.id()), mapper.toDocument(next),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        return next;
    }

    private Lookup toLookup(Document document) {
        return mapper.fromDocument(document, Lookup.class);
    }
}

package org.kinship.security.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.security.Agency;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Agencies in the {@code agencies} collection; codes are unique. */
@Repository
public class MongoAgencyRepository {

    private final MongoCollection<Document> agencies;
    private final DocumentMapper mapper;

    MongoAgencyRepository(MongoDatabase database, DocumentMapper mapper) {
        this.agencies = database.getCollection("agencies");
        this.mapper = mapper;
        agencies.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("code_unique"));
    }

    public Optional<Agency> findByCode(String code) {
        return Optional.ofNullable(agencies.find(eq("code", code)).first())
                .map(document -> mapper.fromDocument(document, Agency.class));
    }

    public List<Agency> findAll() {
        return agencies.find().sort(Sorts.ascending("code"))
                .map(document -> mapper.fromDocument(document, Agency.class)).into(new ArrayList<>());
    }

    public void insert(Agency agency) {
        agencies.insertOne(mapper.toDocument(agency));
    }

    /** Replaces an agency if it still has {@code agency.version()}; the stored copy gets version + 1. */
    public Agency update(Agency agency) {
        Agency next = new Agency(agency.id(), agency.code(), agency.name(), agency.version() + 1);
        if (agencies.findOneAndReplace(and(eq("_id", agency.id()),
                eq("version", agency.version())), mapper.toDocument(next)) == null) {
            throw new StaleVersionException("agency", agency.id(), agency.version());
        }
        return next;
    }
}

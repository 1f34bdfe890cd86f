package org.kinship.consent.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.kinship.consent.ConsentRecord;
import org.kinship.security.FieldEncryptor;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Consent per record in the {@code consents} collection ({@code _id} = record id). Earlier versions are kept
 * in the same document ({@code history}), so a change and its history are one atomic write. The free-text
 * data-protection notes are encrypted with the record id as context.
 */
@Repository
public class MongoConsentRepository {

    private final MongoCollection<Document> consents;
    private final DocumentMapper mapper;
    private final FieldEncryptor encryptor;

    MongoConsentRepository(MongoDatabase database, DocumentMapper mapper, FieldEncryptor encryptor) {
        this.consents = database.getCollection("consents");
        this.mapper = mapper;
        this.encryptor = encryptor;
    }

    public Optional<ConsentRecord> find(String recordId) {
        return Optional.ofNullable(consents.find(eq("_id", recordId)).first()).map(this::toRecord);
    }

    /** Earlier versions, oldest first. */
    public List<ConsentRecord> history(String recordId) {
        Document current = consents.find(eq("_id", recordId)).first();
        if (current == null) {
            return List.of();
        }
        return current.getList("history", Document.class, List.of()).stream().map(this::toRecord).toList();
    }

    /** Stores the first consent of a record (version 0). */
    public ConsentRecord insert(ConsentRecord record) {
        try {
            consents.insertOne(toDocument(record).append("history", List.of()));
            return record;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new StaleVersionException("consent", record.recordId(), -1);
            }
            throw e;
        }
    }

    /** Replaces the consent if it still has {@code changed.version()}, keeping the replaced one in the history. */
    public ConsentRecord update(ConsentRecord changed) {
        Document previous = consents.find(eq("_id", changed.recordId())).first();
        if (previous == null) {
            throw new StaleVersionException("consent", changed.recordId(), changed.version());
        }
        ConsentRecord next = new ConsentRecord(changed.recordId(), changed.decisions(), changed.wishes(),
                changed.overrides(), changed.recordedById(), changed.recordedByName(), changed.recordedAt(),
                changed.version() + 1);
        List<Document> history = new ArrayList<>(previous.getList("history", Document.class, List.of()));
        previous.remove("history");
        history.add(previous);
        Document replacement = toDocument(next).append("history", history);
        if (consents.findOneAndReplace(and(eq("_id", changed.recordId()), eq("version", changed.version())),
                replacement) == null) {
            throw new StaleVersionException("consent", changed.recordId(), changed.version());
        }
        return next;
    }

    private Document toDocument(ConsentRecord record) {
        Document document = mapper.toDocument(record);
        Map<String, Object> wishes = copy(document.get("wishes"));
        wishes.put("notes", new Document(encryptor.encrypt(record.wishes().notes(), context(record.recordId()))));
        document.put("wishes", wishes);
        document.put("_id", record.recordId());
        return document;
    }

    private ConsentRecord toRecord(Document document) {
        Document copy = new Document(document);
        copy.remove("history");
        Map<String, Object> wishes = copy(copy.get("wishes"));
        wishes.put("notes", encryptor.decrypt(wishes.get("notes"), context(copy.getString("recordId"))));
        copy.put("wishes", wishes);
        return mapper.fromDocument(copy, ConsentRecord.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Object map) {
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    private static String context(String recordId) {
        return "consent/" + recordId + "/notes";
    }
}

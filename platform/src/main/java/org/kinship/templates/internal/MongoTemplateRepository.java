package org.kinship.templates.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.TrustedKey;
import org.springframework.stereotype.Repository;

/**
 * Installed packages ({@code template_installations}, replaced conditionally on {@code revision}), what each
 * installed version brought ({@code template_package_versions}, written once), trusted publisher keys
 * ({@code template_trusted_keys}), the current service-level targets ({@code service_levels}) and the apply in
 * progress ({@code template_apply_journal}, see {@link ApplyJournal}).
 */
@Repository
class MongoTemplateRepository {

    private final MongoCollection<Document> installations;
    private final MongoCollection<Document> contents;
    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> serviceLevels;
    private final MongoCollection<Document> journal;
    private final DocumentMapper mapper;

    MongoTemplateRepository(MongoDatabase database, DocumentMapper mapper) {
        this.installations = database.getCollection("template_installations");
        this.contents = database.getCollection("template_package_versions");
        this.keys = database.getCollection("template_trusted_keys");
        this.serviceLevels = database.getCollection("service_levels");
        this.journal = database.getCollection("template_apply_journal");
        this.mapper = mapper;
    }

    List<Installation> installations() {
        return installations.find().map(document -> mapper.fromDocument(document, Installation.class))
                .into(new ArrayList<>());
    }

    Optional<Installation> installation(String packageId) {
        return Optional.ofNullable(installations.find(eq("_id", packageId)).first())
                .map(document -> mapper.fromDocument(document, Installation.class));
    }

    /** Stores {@code installation} if the stored one still has {@code expectedRevision} (-1: none yet). */
    void save(Installation installation, long expectedRevision) {
        Document document = mapper.toDocument(installation);
        if (expectedRevision < 0) {
            try {
                installations.insertOne(document);
            } catch (com.mongodb.MongoWriteException e) {
                throw new StaleVersionException("template package", installation.id(), 0L);
            }
            return;
        }
        if (installations.replaceOne(and(eq("_id", installation.id()), eq("revision", expectedRevision)), document)
                .getMatchedCount() == 0) {
            throw new StaleVersionException("template package", installation.id(), expectedRevision);
        }
    }

    Optional<InstalledContent> content(String packageId, String version) {
        return Optional.ofNullable(contents.find(eq("_id", InstalledContent.idOf(packageId, version))).first())
                .map(document -> mapper.fromDocument(document, InstalledContent.class));
    }

    void saveContent(InstalledContent content) {
        // a re-import of the same version brings the same signed content: keep the first copy
        if (contents.find(eq("_id", content.id())).first() == null) {
            contents.insertOne(mapper.toDocument(content));
        }
    }

    List<TrustedKey> trustedKeys() {
        return keys.find().map(document -> mapper.fromDocument(document, TrustedKeyRecord.class).toKey())
                .into(new ArrayList<>());
    }

    void trust(TrustedKey key) {
        keys.replaceOne(eq("_id", key.keyId()), mapper.toDocument(TrustedKeyRecord.of(key)),
                new ReplaceOptions().upsert(true));
    }

    void distrust(String keyId) {
        keys.deleteOne(eq("_id", keyId));
    }

    /** The installed targets; written by the workflow feature's {@code ServiceLevelService}, which owns them. */
    List<ServiceLevelTarget> serviceLevels() {
        Document document = serviceLevels.find(eq("_id", "current")).first();
        return document == null ? List.of() : mapper.fromDocument(document, ServiceLevels.class).targets();
    }

    /**
     * Starts an apply: stores its journal unless another apply has one (the single id makes two applies exclude
     * each other, also across nodes).
     *
     * @return false when another apply is in progress (or an interrupted one awaits the next start)
     */
    boolean beginApply(ApplyJournal entry) {
        try {
            journal.insertOne(mapper.toDocument(entry));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<ApplyJournal> applyInProgress() {
        return Optional.ofNullable(journal.find(eq("_id", ApplyJournal.ID)).first())
                .map(document -> mapper.fromDocument(document, ApplyJournal.class));
    }

    /** Ends the apply {@code applyId} (recorded or undone). */
    void endApply(String applyId) {
        journal.deleteOne(new Document("_id", ApplyJournal.ID).append("applyId", applyId));
    }

    record ServiceLevels(String id, List<ServiceLevelTarget> targets) {
    }

    /** Stored with {@code _id} = key id. */
    record TrustedKeyRecord(String id, String name, String publicKey, java.time.Instant addedAt) {

        static TrustedKeyRecord of(TrustedKey key) {
            return new TrustedKeyRecord(key.keyId(), key.name(), key.publicKey(), key.addedAt());
        }

        TrustedKey toKey() {
            return new TrustedKey(id, name, publicKey, "administrator", addedAt);
        }
    }
}

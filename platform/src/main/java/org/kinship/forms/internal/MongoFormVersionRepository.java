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
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.forms.FormVersion;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Published versions in {@code form_versions}: inserted once, never updated or deleted. The id
 * {@code formId@version} makes two simultaneous publications of the same number fail instead of both
 * succeeding.
 */
@Repository
public class MongoFormVersionRepository {

    private final MongoCollection<Document> versions;
    private final DocumentMapper mapper;

    MongoFormVersionRepository(MongoDatabase database, DocumentMapper mapper) {
        this.versions = database.getCollection("form_versions");
        this.mapper = mapper;
        versions.createIndex(Indexes.ascending("formId", "version"),
                new IndexOptions().unique(true).name("form_version_unique"));
    }

    public void insert(FormVersion version) {
        try {
            versions.insertOne(mapper.toDocument(version).append("_id", version.formId() + "@" + version.version()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new StaleVersionException("form version", version.formId(), version.version() - 1L);
            }
            throw e;
        }
    }

    public Optional<FormVersion> find(String formId, int version) {
        return Optional.ofNullable(versions.find(and(eq("formId", formId), eq("version", version))).first())
                .map(this::toVersion);
    }

    public Optional<FormVersion> findLatest(String formId) {
        return Optional.ofNullable(versions.find(eq("formId", formId)).sort(Sorts.descending("version")).first())
                .map(this::toVersion);
    }

    public List<FormVersion> findAll(String formId) {
        return versions.find(eq("formId", formId)).sort(Sorts.ascending("version")).map(this::toVersion)
                .into(new ArrayList<>());
    }

    public List<FormVersion> findAll() {
        return versions.find().map(this::toVersion).into(new ArrayList<>());
    }

    private FormVersion toVersion(Document document) {
        return mapper.fromDocument(document, FormVersion.class);
    }
}

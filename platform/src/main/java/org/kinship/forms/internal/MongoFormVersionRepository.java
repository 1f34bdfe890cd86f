package org.kinship.forms.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.kinship.forms.FormVersion;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Published versions in {@code form_versions}: inserted once, never deleted; their content never changes. The id
 * {@code formId@version} makes two simultaneous publications of the same number fail instead of both
 * succeeding. A version whose publication was undone (a template package apply that failed) is marked
 * {@code withdrawnAt}: it is no longer the latest nor listed, stays readable by its number (data filled with it
 * keeps its form), and its number is never given again.
 */
@Repository
public class MongoFormVersionRepository {

    private static final String WITHDRAWN = "withdrawnAt";

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
        // by _id (formId@version): the embedded server answers an $and of two fields by scanning
        return Optional.ofNullable(versions.find(eq("_id", formId + "@" + version)).first())
                .map(this::toVersion);
    }

    public Optional<FormVersion> findLatest(String formId) {
        return Optional.ofNullable(versions.find(current(formId)).sort(Sorts.descending("version")).first())
                .map(this::toVersion);
    }

    public List<FormVersion> findAll(String formId) {
        return versions.find(current(formId)).sort(Sorts.ascending("version")).map(this::toVersion)
                .into(new ArrayList<>());
    }

    public List<FormVersion> findAll() {
        return versions.find(new Document(WITHDRAWN, new Document("$exists", false))).map(this::toVersion)
                .into(new ArrayList<>());
    }

    /** The highest number given to a version of the form, withdrawn ones included (0: none yet). */
    public int highestNumber(String formId) {
        Document highest = versions.find(eq("formId", formId)).sort(Sorts.descending("version")).first();
        return highest == null ? 0 : highest.getInteger("version");
    }

    /** Marks the version withdrawn (see the class comment); false when it is not there or already withdrawn. */
    public boolean withdraw(String formId, int version, Instant at) {
        return versions.updateOne(new Document("_id", formId + "@" + version).append(WITHDRAWN,
                new Document("$exists", false)), Updates.set(WITHDRAWN, Date.from(at))).getModifiedCount() > 0;
    }

    /** The versions of a form not withdrawn: a plain filter (no $and), as the embedded server answers it directly. */
    private static Document current(String formId) {
        return new Document("formId", formId).append(WITHDRAWN, new Document("$exists", false));
    }

    private FormVersion toVersion(Document document) {
        return mapper.fromDocument(document, FormVersion.class);
    }
}

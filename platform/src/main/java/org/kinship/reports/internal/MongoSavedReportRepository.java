package org.kinship.reports.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.reports.SavedReport;
import org.kinship.security.KinshipUser;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Saved report definitions in the {@code reports} collection; replaced only at the version last read. */
@Repository
class MongoSavedReportRepository {

    private final MongoCollection<Document> reports;
    private final DocumentMapper mapper;

    MongoSavedReportRepository(MongoDatabase database, DocumentMapper mapper) {
        this.reports = database.getCollection("reports");
        this.mapper = mapper;
        reports.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
    }

    void insert(SavedReport report) {
        reports.insertOne(mapper.toDocument(report));
    }

    void replace(SavedReport report, long expectedVersion) {
        Document filter = new Document("_id", report.id()).append("version", expectedVersion);
        if (reports.replaceOne(filter, mapper.toDocument(report)).getMatchedCount() == 0) {
            throw new StaleVersionException("report", report.id(), expectedVersion);
        }
    }

    Optional<SavedReport> find(String id) {
        return Optional.ofNullable(reports.find(eq("_id", id)).first()).map(d -> mapper.fromDocument(d, SavedReport.class));
    }

    /** Reports the user owns or that are shared with one of their roles. */
    List<SavedReport> visibleTo(KinshipUser user) {
        return reports.find(or(eq("ownerId", user.id()), in("sharedWithRoles", List.copyOf(user.roles()))))
                .sort(Sorts.ascending("name")).map(d -> mapper.fromDocument(d, SavedReport.class))
                .into(new ArrayList<>());
    }

    boolean delete(String id) {
        return reports.deleteOne(eq("_id", id)).getDeletedCount() > 0;
    }
}

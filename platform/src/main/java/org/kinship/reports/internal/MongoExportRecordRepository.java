package org.kinship.reports.internal;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.kinship.security.KinshipUser;
import org.springframework.stereotype.Repository;

/**
 * What each case list export was and why ({@code case_exports}): the reason an exporter gives may describe a
 * child, so it is kept here, referenced by id from the audit log, and never written to the audit log itself.
 */
@Repository
class MongoExportRecordRepository {

    private final MongoCollection<Document> exports;
    private final Clock clock;

    MongoExportRecordRepository(MongoDatabase database, Clock clock) {
        this.exports = database.getCollection("case_exports");
        this.clock = clock;
    }

    void insert(String id, KinshipUser user, String module, List<String> fields, String reason, int rows,
            int withheld) {
        exports.insertOne(new Document("_id", id).append("userId", user.id()).append("username", user.username())
                .append("at", Date.from(clock.instant())).append("module", module).append("fields", fields)
                .append("reason", reason).append("rows", rows).append("withheld", withheld));
    }

    Document find(String id) {
        return exports.find(new Document("_id", id)).first();
    }
}

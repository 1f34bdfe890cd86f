package org.kinship.reports.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kinship.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * The reports' read model over the {@code cases} collection (ADR 0012): streams the cases of one module
 * within a {@link RecordScope}, the scope applied inside the query, with only the fields a report needs
 * projected. Reading the documents directly (instead of through the case service, one case at a time) keeps a
 * report over 100,000 cases to one query; it only ever reads fields that are not sensitive, so it never
 * needs the field keys.
 */
@Component
class CaseReportReader {

    /** Case attributes every report may read besides the projected section fields. */
    static final List<String> CASE_FIELDS = List.of("_id", "module", "status", "riskLevel", "agencyCode",
            "registeredAt", "ownerId");

    private final MongoCollection<Document> cases;

    CaseReportReader(MongoDatabase database) {
        this.cases = database.getCollection("cases");
    }

    /** Streams every case of the module in scope that also matches {@code narrowing} (top-level fields only). */
    long forEach(String module, RecordScope scope, Bson narrowing, Collection<String> sectionPaths,
            Consumer<Document> action) {
        if (!scope.allowsAny()) {
            return 0;
        }
        List<String> include = new ArrayList<>(CASE_FIELDS);
        include.addAll(sectionPaths);
        Bson filter = Filters.and(Filters.eq("module", module),
                scope.toMongoFilter("ownerId", "assignedIds", "groupIds", "agencyCode"), narrowing);
        long[] read = {0};
        cases.find(filter).projection(Projections.include(include)).batchSize(1000).forEach(document -> {
            read[0]++;
            action.accept(document);
        });
        return read[0];
    }
}

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
import org.kinship.cases.CaseRecords;
import org.kinship.security.FieldEncryptor;
import org.kinship.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * The reports' read model over the {@code cases} collection (ADR 0012): streams the cases of one module
 * within a {@link RecordScope}, the scope applied inside the query, with only the fields a report needs
 * projected. Reading the documents directly (instead of through the case service, one case at a time) keeps a
 * report over 100,000 cases to one query. Reports only ever name fields that are not sensitive, but a repeating
 * group with a sensitive field inside (a family member's name) is stored encrypted as a whole: projected values
 * stored encrypted are decrypted through {@link CaseRecords#openStoredValue} before the report reads them, and
 * stay in memory for the count only.
 */
@Component
class CaseReportReader {

    /** Case attributes every report may read besides the projected section fields. */
    static final List<String> CASE_FIELDS = List.of("_id", "module", "status", "riskLevel", "agencyCode",
            "registeredAt", "ownerId");

    private final MongoCollection<Document> cases;
    private final CaseRecords records;

    CaseReportReader(MongoDatabase database, CaseRecords records) {
        this.cases = database.getCollection("cases");
        this.records = records;
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
            open(document, sectionPaths);
            action.accept(document);
        });
        return read[0];
    }

    /** Replaces the projected section values stored encrypted ({@code sections.<section>.data.<field>}). */
    private void open(Document document, Collection<String> sectionPaths) {
        for (String path : sectionPaths) {
            String[] parts = path.split("\\.", 4);
            if (parts.length != 4 || !parts[0].equals("sections") || !parts[2].equals("data")) {
                continue;
            }
            if (document.get("sections") instanceof Document sections
                    && sections.get(parts[1]) instanceof Document section
                    && section.get("data") instanceof Document data
                    && FieldEncryptor.isEncrypted(data.get(parts[3]))) {
                data.put(parts[3], records.openStoredValue(String.valueOf(document.get("_id")), parts[1], parts[3],
                        data.get(parts[3])));
            }
        }
    }
}

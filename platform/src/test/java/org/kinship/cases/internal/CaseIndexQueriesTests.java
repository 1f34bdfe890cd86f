package org.kinship.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseQuery;
import org.kinship.security.RecordScope;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.IndexedFields;

class CaseIndexQueriesTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

    @Test
    void anAgeRangeIncludesChildrenOnTheirBirthdaysAtBothEnds() throws IOException {
        List<String> born = List.of("2016-11-21", "2016-11-22", "2014-11-22", "2014-11-21");

        // 10 today, 9 (10 tomorrow), 11 (12 tomorrow), 12 today
        assertThat(matching(born, 10, 11)).containsExactlyInAnyOrder("2016-11-21", "2014-11-22");
    }

    @Test
    void aScopeOfOwnCasesMatchesOwnerOrAssigneeOnly() throws IOException {
        RecordScope own = new RecordScope(RecordScope.Level.OWN, "u1", Set.of(), "A");
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            index(directory, List.of(file("c1", "u1", List.of(), "2015-01-01"), file("c2", "u2", List.of("u1"), "2015-01-01"),
                    file("c3", "u2", List.of(), "2015-01-01")));
            assertThat(search(directory, CaseQuery.all(), own)).containsExactlyInAnyOrder("c1", "c2");
        }
    }

    private static List<String> matching(List<String> birthDates, int minAge, int maxAge) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            index(directory, birthDates.stream().map(d -> file(d, "u1", List.of(), d)).toList());
            CaseQuery query = new CaseQuery(null, null, null, null, null, null, minAge, maxAge, null, null, null, null,
                    CaseQuery.SortField.AGE, false, 0, 20);
            return search(directory, query, new RecordScope(RecordScope.Level.ALL, "u1", Set.of(), null));
        }
    }

    private static void index(ByteBuffersDirectory directory, List<CaseFile> files) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(CaseIndexQueries.TEXT_ANALYZER))) {
            for (CaseFile file : files) {
                writer.addDocument(CaseIndexDocuments.toDocument(file, IndexedFields.standard(), false));
            }
        }
    }

    private static List<String> search(ByteBuffersDirectory directory, CaseQuery query, RecordScope scope)
            throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            var hits = searcher.search(CaseIndexQueries.query(query, scope, TODAY), 20).scoreDocs;
            List<String> ids = new java.util.ArrayList<>();
            for (var hit : hits) {
                ids.add(searcher.storedFields().document(hit.doc).get(CaseIndexDocuments.ID));
            }
            return ids;
        }
    }

    private static CaseFile file(String id, String owner, List<String> assigned, String dateOfBirth) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new CaseFile(id, "N-" + id, "child-protection", CaseStatus.OPEN, "low", owner, assigned, List.of(), "A",
                Map.of("registration", new CaseSection("f", 1, Map.of("date_of_birth", dateOfBirth))), at, owner, at,
                owner, null, List.of(), List.of(), List.of(), 1);
    }
}

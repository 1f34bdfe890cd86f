package org.kinship.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseView;
import org.kinship.cases.CasePage;
import org.kinship.cases.CaseSummary;
import org.kinship.cases.IndexedFields;
import org.kinship.security.RecordScope;
import org.kinship.shared.internal.lucene.IndexDirectories;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of case files ({@code index/cases}). Writes are visible to the next search at once;
 * they become durable at {@link #commit()}, and only then may the cases' {@code indexPending} markers be
 * cleared, which is why {@link #commit()} answers the versions it made durable.
 */
@Component
class CaseIndex implements AutoCloseable {

    static final String NAME = "cases";

    private final Directory directory;
    private final boolean existedAtStart;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Map<String, Long> uncommitted = new ConcurrentHashMap<>();

    CaseIndex(IndexDirectories directories) throws IOException {
        this.directory = directories.directory(NAME);
        this.existedAtStart = DirectoryReader.indexExists(directory);
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(CaseIndexDocuments.TEXT, CaseIndexQueries.TEXT_ANALYZER)));
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    boolean existedAtStart() {
        return existedAtStart;
    }

    void put(CaseFile file, IndexedFields fields, boolean nameSensitive) {
        try {
            writer.updateDocument(new Term(CaseIndexDocuments.ID, file.id()),
                    CaseIndexDocuments.toDocument(file, fields, nameSensitive));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uncommitted.put(file.id(), file.version());
        dirty.set(true);
    }

    void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dirty.set(true);
    }

    /** Makes every change so far durable; answers the case versions it covered. */
    Map<String, Long> commit() {
        Map<String, Long> covered = new HashMap<>(uncommitted);
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        covered.forEach(uncommitted::remove);
        return covered;
    }

    int count() {
        return writer.getDocStats().numDocs;
    }

    /** @param sensitive where the user may see sensitive values: other rows with a sensitive name show it masked */
    CasePage search(Query query, Sort sort, int page, int size, LocalDate today, RecordScope sensitive) {
        try {
            if (dirty.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                int total = searcher.count(query);
                int wanted = Math.max(1, Math.min(total, (page + 1) * size));
                TopDocs top = searcher.search(query, wanted, sort);
                List<CaseSummary> items = new ArrayList<>();
                for (int i = page * size; i < top.scoreDocs.length; i++) {
                    items.add(row(searcher, top.scoreDocs[i], today, sensitive));
                }
                return new CasePage(items, total, page, size);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseSummary row(IndexSearcher searcher, ScoreDoc hit, LocalDate today, RecordScope sensitive)
            throws IOException {
        BytesRef ref = searcher.storedFields().document(hit.doc).getBinaryValue(CaseIndexDocuments.ROW);
        byte[] bytes = Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
        CaseIndexDocuments.StoredRow stored = CaseIndexDocuments.row(bytes);
        CaseSummary s = stored.summary();
        Integer age = stored.birthDay() == null ? null
                : Period.between(LocalDate.ofEpochDay(stored.birthDay()), today).getYears();
        boolean masked = !Boolean.FALSE.equals(stored.nameSensitive()) && !sensitive.permits(s.ownerId(),
                orEmpty(stored.assignedIds()), orEmpty(stored.groupIds()), s.agencyCode());
        return new CaseSummary(s.id(), s.caseNumber(), s.module(), masked ? CaseView.MASK : s.name(), s.sex(), age, s.status(), s.riskLevel(),
                s.ownerId(), s.agencyCode(), s.location(), s.registeredAt(), s.updatedAt(), s.openFlags(), s.version());
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}

package org.kinship.tasks.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.jspecify.annotations.Nullable;
import org.kinship.shared.internal.lucene.IndexDirectories;
import org.kinship.shared.internal.lucene.LiveIndex;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskState;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the open tasks of the inbox projection ({@code index/tasks}); MongoDB's {@code tasks}
 * collection stays the system of record. Each document carries the fields the inbox queries filter on (state,
 * assignee, candidate roles, the case's scope fields, due date, overdue flag), the sort keys (due, risk, created,
 * id) and the task as stored (BSON), so a list is answered from the index alone. Completed tasks are removed.
 * Writes are visible to the next search at once and durable at {@link #commit()}, which answers the projection
 * revisions it made durable (the {@code indexPending} markers of those tasks may then be cleared).
 */
@Component
class TaskIndex implements AutoCloseable {

    static final String NAME = "tasks";

    static final String ID = "id";
    static final String STATE = "state";
    static final String CASE = "case";
    static final String ASSIGNEE = "assignee";
    static final String UNASSIGNED = "unassigned";
    static final String ROLE = "role";
    static final String RECORD_TASK = "record_task";
    static final String APPROVAL = "approval";
    /** The document format: 2 added {@link #APPROVAL}. */
    private static final String FORMAT = "2";
    private static final String FORMAT_KEY = "format";
    static final String OWNER = "owner";
    static final String ASSIGNED = "assigned";
    static final String GROUP = "group";
    static final String AGENCY = "agency";
    static final String OVERDUE = "overdue";
    static final String DUE = "due";
    static final String DUE_SORT = "due_sort";
    static final String RISK_SORT = "risk_sort";
    static final String CREATED_SORT = "created_sort";
    static final String ID_SORT = "id_sort";
    static final String ROW = "row";
    static final String TRUE = "true";

    /** Due date first (tasks without one last), then risk (high first), then age, then id for a stable order. */
    static final Sort ORDER = new Sort(new SortField(DUE_SORT, SortField.Type.LONG),
            new SortField(RISK_SORT, SortField.Type.LONG), new SortField(CREATED_SORT, SortField.Type.LONG),
            new SortField(ID_SORT, SortField.Type.STRING));

    private static final DocumentCodec CODEC = new DocumentCodec();

    private final DocumentMapper mapper;
    private final boolean existedAtStart;
    private final LiveIndex searchers;
    private final Map<String, Long> uncommitted = new ConcurrentHashMap<>();

    TaskIndex(IndexDirectories directories, DocumentMapper mapper) throws IOException {
        this.mapper = mapper;
        Directory directory = directories.directory(NAME);
        // an index written by an older version lacks fields that queries now use: it counts as missing (rebuilt)
        this.existedAtStart = DirectoryReader.indexExists(directory)
                && FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()));
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        this.searchers = new LiveIndex(writer);
    }

    boolean existedAtStart() {
        return existedAtStart;
    }

    /**
     * Brings one task in step with its stored document: indexed while open, removed once completed.
     *
     * @param stored   the {@code tasks} document as MongoDB holds it now
     * @param revision the document's projection revision (noted for {@link #commit()} when the document is
     *                 marked {@code indexPending})
     */
    void put(Document stored, long revision) {
        String id = stored.getString("_id");
        if (TaskState.OPEN.name().equals(stored.getString("state"))) {
            searchers.update(new Term(ID, id), toDocument(stored));
        } else {
            searchers.delete(new Term(ID, id));
        }
        if (Boolean.TRUE.equals(stored.getBoolean(MongoTaskRepository.PENDING))) {
            uncommitted.put(id, revision);
        }
    }

    /** Removes a task whose document no longer exists. */
    void remove(String id) {
        searchers.delete(new Term(ID, id));
    }

    void deleteAll() {
        searchers.deleteAll();
    }

    /** Makes every change so far durable; answers the task revisions it covered. */
    Map<String, Long> commit() {
        Map<String, Long> covered = new HashMap<>(uncommitted);
        searchers.commit();
        covered.forEach(uncommitted::remove);
        return covered;
    }

    /** Open tasks in the index (including writes not yet committed). */
    int count() {
        return searchers.size();
    }

    List<InboxTask> list(Query query, int limit) {
        return searchers.search(searcher -> {
            TopDocs top = searcher.search(query, limit, ORDER);
            List<InboxTask> tasks = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                tasks.add(row(searcher, hit.doc));
            }
            return tasks;
        });
    }

    long count(Query query) {
        return searchers.search(searcher -> (long) searcher.count(query));
    }

    /** The ids of a case's open tasks. */
    List<String> openIdsOfCase(String caseId) {
        return searchers.search(searcher -> {
            TermQuery query = new TermQuery(new Term(CASE, caseId));
            int total = searcher.count(query);
            List<String> ids = new ArrayList<>();
            if (total > 0) {
                for (ScoreDoc hit : searcher.search(query, total).scoreDocs) {
                    ids.add(row(searcher, hit.doc).id());
                }
            }
            return ids;
        });
    }

    private InboxTask row(IndexSearcher searcher, int doc) throws IOException {
        BytesRef ref = searcher.storedFields().document(doc).getBinaryValue(ROW);
        byte[] bytes = Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
        return mapper.fromDocument(new RawBsonDocument(bytes).decode(CODEC), InboxTask.class);
    }

    private static org.apache.lucene.document.Document toDocument(Document stored) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        String id = stored.getString("_id");
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(id)));
        doc.add(new StringField(STATE, stored.getString("state"), Field.Store.NO));
        keyword(doc, CASE, stored.getString("caseId"));
        String assignee = stored.getString("assignee");
        if (assignee == null) {
            doc.add(new StringField(UNASSIGNED, TRUE, Field.Store.NO));
        } else {
            doc.add(new StringField(ASSIGNEE, assignee, Field.Store.NO));
        }
        strings(stored, "candidateRoles").forEach(role -> keyword(doc, ROLE, role));
        String formKey = stored.getString("formKey");
        if (formKey != null && formKey.startsWith("record:")) {
            doc.add(new StringField(RECORD_TASK, TRUE, Field.Store.NO));
        }
        if (Boolean.TRUE.equals(stored.getBoolean("approval"))) {
            doc.add(new StringField(APPROVAL, TRUE, Field.Store.NO));
        }
        keyword(doc, OWNER, stored.getString("ownerId"));
        strings(stored, "assignedIds").forEach(user -> keyword(doc, ASSIGNED, user));
        strings(stored, "groupIds").forEach(group -> keyword(doc, GROUP, group));
        keyword(doc, AGENCY, stored.getString("agencyCode"));
        doc.add(new StringField(OVERDUE, Boolean.toString(Boolean.TRUE.equals(stored.getBoolean("overdue"))),
                Field.Store.NO));
        long due = dueSort(stored);
        doc.add(new LongPoint(DUE, due));
        doc.add(new NumericDocValuesField(DUE_SORT, due));
        Object risk = stored.get("riskRank");
        doc.add(new NumericDocValuesField(RISK_SORT, risk instanceof Number n ? n.longValue() : 3));
        java.util.Date created = stored.getDate("createdAt");
        doc.add(new NumericDocValuesField(CREATED_SORT, created == null ? 0 : created.getTime()));
        doc.add(new StoredField(ROW, bson(row(stored))));
        return doc;
    }

    /** The due date as epoch millis; a task without one sorts after every dated task. */
    static long dueSort(Document stored) {
        java.util.Date due = stored.getDate("due");
        return due == null ? MongoTaskRepository.NO_DUE.getTime() : due.getTime();
    }

    /** The task as the inbox answers it: the stored document without the projection's bookkeeping fields. */
    private static Document row(Document stored) {
        Document row = new Document(stored);
        row.remove("dueSort");
        row.remove(MongoTaskRepository.REVISION);
        row.remove(MongoTaskRepository.PENDING);
        return row;
    }

    private static byte[] bson(Document document) {
        ByteBuffer buffer = new RawBsonDocument(document, CODEC).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static void keyword(org.apache.lucene.document.Document doc, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static List<String> strings(Document stored, String field) {
        Object value = stored.get(field);
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
    }
}

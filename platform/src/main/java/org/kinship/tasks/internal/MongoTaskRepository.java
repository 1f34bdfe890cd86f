package org.kinship.tasks.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskProjection;
import org.kinship.tasks.TaskState;
import org.springframework.stereotype.Repository;

/**
 * The {@code tasks} collection: one document per engine task id. {@code dueSort} is the due date, or a date far
 * in the future for tasks without one, so that one ascending index sorts "no due date" last. Indexes lead with
 * the equality fields of the inbox queries ({@code state}, then the assignee, agency or candidate role) and end
 * with the sort keys, so an overdue list is an index range, not a collection scan (on MongoDB; the embedded
 * server scans, see docs/benchmarks.md).
 *
 * <p>The inbox reads its lists from the Lucene {@link TaskIndex}, which every write here keeps in step: the write
 * increments the task's {@code indexRevision} and sets {@code indexPending}, then the task is re-read and indexed
 * under a per-task lock. A background commit makes the index durable and clears the markers of the revisions it
 * covered, so a crash before that commit leaves them set and {@link TaskIndexer#repair()} re-indexes those tasks at
 * the next start.
 */
@Repository
class MongoTaskRepository implements TaskProjection {

    static final Date NO_DUE = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    static final String REVISION = "indexRevision";
    static final String PENDING = "indexPending";

    private final MongoCollection<Document> tasks;
    private final DocumentMapper mapper;
    private final TaskIndex index;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    MongoTaskRepository(MongoDatabase database, DocumentMapper mapper, TaskIndex index) {
        this.tasks = database.getCollection("tasks");
        this.mapper = mapper;
        this.index = index;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        index("state_assignee_due", "state", "assignee", "dueSort", "riskRank");
        index("state_agency_due", "state", "agencyCode", "dueSort", "riskRank");
        index("state_roles_due", "state", "candidateRoles", "agencyCode", "dueSort");
        index("state_owner_due", "state", "ownerId", "dueSort");
        index("process_step", "processInstanceId", "taskDefinitionKey");
        index("case_state", "caseId", "state");
        index("index_pending", PENDING);
    }

    private void index(String name, String... keys) {
        tasks.createIndex(Indexes.ascending(keys), new IndexOptions().name(name));
    }

    @Override
    public void open(InboxTask task) {
        Document document = toDocument(task);
        boolean overdue = task.overdue();
        document.remove("overdue");
        document.remove("_id");
        document.remove(REVISION);
        document.remove(PENDING);
        document.put(PENDING, true);
        tasks.updateOne(eq("_id", task.id()), Updates.combine(new Document("$set", document),
                Updates.setOnInsert("overdue", overdue), Updates.inc(REVISION, 1L)), new UpdateOptions().upsert(true));
        refresh(task.id());
    }

    @Override
    public void processTasks(String processInstanceId, Collection<InboxTask> open, Instant now) {
        Set<String> ids = new HashSet<>();
        for (InboxTask task : open) {
            open(task);
            ids.add(task.id());
        }
        List<String> finished = new ArrayList<>();
        tasks.find(new Document("processInstanceId", processInstanceId).append("state", TaskState.OPEN.name()))
                .projection(Projections.include("_id")).forEach(d -> {
                    if (!ids.contains(d.getString("_id"))) {
                        finished.add(d.getString("_id"));
                    }
                });
        finished.forEach(id -> completed(id, now, null));
    }

    @Override
    public void completed(String taskId, Instant at, @Nullable String by) {
        tasks.updateOne(new Document("_id", taskId).append("state", TaskState.OPEN.name()), Updates.combine(
                Updates.set("state", TaskState.COMPLETED.name()), Updates.set("completedAt", Date.from(at)),
                pending(), Updates.inc(REVISION, 1L)));
        if (by != null) {
            tasks.updateOne(eq("_id", taskId), Updates.set("completedBy", by));
        }
        refresh(taskId);
    }

    @Override
    public boolean flagOverdue(String processInstanceId, String taskDefinitionKey) {
        List<String> ids = new ArrayList<>();
        tasks.find(new Document("processInstanceId", processInstanceId)
                .append("taskDefinitionKey", taskDefinitionKey).append("state", TaskState.OPEN.name())
                .append("overdue", false)).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        boolean changed = false;
        for (String id : ids) {
            changed |= tasks.updateOne(new Document("_id", id).append("state", TaskState.OPEN.name())
                    .append("overdue", false), Updates.combine(Updates.set("overdue", true), pending(),
                            Updates.inc(REVISION, 1L))).getModifiedCount() > 0;
            refresh(id);
        }
        return changed;
    }

    @Override
    public void due(String taskId, @Nullable Instant due, Instant now) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("due", due == null ? null : Date.from(due)),
                Updates.set("dueSort", due == null ? NO_DUE : Date.from(due))));
        if (due == null || due.isAfter(now)) {
            sets.add(Updates.set("overdue", false));
        }
        sets.add(pending());
        sets.add(Updates.inc(REVISION, 1L));
        tasks.updateOne(eq("_id", taskId), Updates.combine(sets));
        refresh(taskId);
    }

    @Override
    public void caseChanged(String caseId, @Nullable String ownerId, Collection<String> assignedIds,
            Collection<String> groupIds, @Nullable String agencyCode, String riskLevel) {
        // the index knows the case's open tasks; each is updated by id (no scan of the collection)
        Bson update = Updates.combine(Updates.set("ownerId", ownerId),
                Updates.set("assignedIds", List.copyOf(assignedIds)), Updates.set("groupIds", List.copyOf(groupIds)),
                Updates.set("agencyCode", agencyCode), Updates.set("riskLevel", riskLevel),
                Updates.set("riskRank", InboxTask.riskRank(riskLevel)), pending(), Updates.inc(REVISION, 1L));
        for (String id : index.openIdsOfCase(caseId)) {
            tasks.updateOne(new Document("_id", id).append("state", TaskState.OPEN.name()), update);
            refresh(id);
        }
    }

    @Override
    public long replaceOpen(Collection<InboxTask> open, Instant now) {
        Set<String> ids = new HashSet<>();
        for (InboxTask task : open) {
            open(task);
            ids.add(task.id());
        }
        List<String> stale = new ArrayList<>();
        tasks.find(eq("state", TaskState.OPEN.name())).projection(Projections.include("_id"))
                .forEach(d -> {
                    if (!ids.contains(d.getString("_id"))) {
                        stale.add(d.getString("_id"));
                    }
                });
        // open here but not in the engine: finished while the projection was not listening
        stale.forEach(id -> completed(id, now, null));
        return ids.size();
    }

    /** One task by id, open or completed (the caller checks the user's scope). */
    Optional<InboxTask> findById(String taskId) {
        return Optional.ofNullable(tasks.find(eq("_id", taskId)).first()).map(this::toTask);
    }

    /** Re-reads one task and brings the index in step with it (under the task's lock, so no older state wins). */
    void refresh(String taskId) {
        ReentrantLock lock = locks[Math.floorMod(taskId.hashCode(), locks.length)];
        lock.lock();
        try {
            Document stored = tasks.find(eq("_id", taskId)).first();
            if (stored == null) {
                index.remove(taskId);
            } else {
                index.put(stored, revision(stored));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Re-indexes every open task from MongoDB (the index is replaced); answers how many were indexed. */
    long reindexAll() {
        index.deleteAll();
        long[] counted = {0};
        tasks.find(open()).forEach(stored -> {
            index.put(stored, revision(stored));
            counted[0]++;
        });
        return counted[0];
    }

    /** Ids of the tasks whose last index update was not committed (before a crash). */
    List<String> pendingIds() {
        return tasks.find(eq(PENDING, true)).projection(Projections.include("_id"))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** Clears the pending markers of the revisions the index made durable (a later write keeps its marker). */
    void clearPending(Map<String, Long> revisions) {
        revisions.forEach((id, revision) -> tasks.updateOne(new Document("_id", id).append(REVISION, revision),
                Updates.unset(PENDING)));
    }

    long countOpen() {
        return tasks.countDocuments(open());
    }

    /**
     * Test and benchmark support: stores many tasks at once and indexes them (without pending markers: a crash
     * before the next index commit leaves them to the count check of {@link TaskIndexer#repair()}).
     */
    void insertAll(List<InboxTask> many) {
        if (!many.isEmpty()) {
            List<Document> documents = many.stream().map(task -> {
                Document document = toDocument(task);
                document.put(REVISION, 1L);
                return document;
            }).toList();
            tasks.insertMany(documents);
            documents.forEach(document -> index.put(document, 1L));
        }
    }

    private static long revision(Document stored) {
        return stored.get(REVISION) instanceof Number n ? n.longValue() : 0L;
    }

    private static Bson pending() {
        return Updates.set(PENDING, true);
    }

    private Document toDocument(InboxTask task) {
        Document document = mapper.toDocument(task);
        document.put("dueSort", task.due() == null ? NO_DUE : Date.from(task.due()));
        return document;
    }

    private InboxTask toTask(Document document) {
        Document task = new Document(document);
        task.remove("dueSort");
        task.remove(REVISION);
        task.remove(PENDING);
        return mapper.fromDocument(task, InboxTask.class);
    }

    static Bson open() {
        return Filters.eq("state", TaskState.OPEN.name());
    }
}

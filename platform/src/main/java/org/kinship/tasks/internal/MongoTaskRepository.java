package org.kinship.tasks.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
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
 */
@Repository
class MongoTaskRepository implements TaskProjection {

    static final Date NO_DUE = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final MongoCollection<Document> tasks;
    private final DocumentMapper mapper;

    MongoTaskRepository(MongoDatabase database, DocumentMapper mapper) {
        this.tasks = database.getCollection("tasks");
        this.mapper = mapper;
        index("state_assignee_due", "state", "assignee", "dueSort", "riskRank");
        index("state_agency_due", "state", "agencyCode", "dueSort", "riskRank");
        index("state_roles_due", "state", "candidateRoles", "agencyCode", "dueSort");
        index("state_owner_due", "state", "ownerId", "dueSort");
        index("process_step", "processInstanceId", "taskDefinitionKey");
        index("case_state", "caseId", "state");
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
        tasks.updateOne(eq("_id", task.id()), Updates.combine(new Document("$set", document),
                Updates.setOnInsert("overdue", overdue)), new UpdateOptions().upsert(true));
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
                Updates.set("state", TaskState.COMPLETED.name()), Updates.set("completedAt", Date.from(at))));
        if (by != null) {
            tasks.updateOne(eq("_id", taskId), Updates.set("completedBy", by));
        }
    }

    @Override
    public boolean flagOverdue(String processInstanceId, String taskDefinitionKey) {
        return tasks.updateMany(new Document("processInstanceId", processInstanceId)
                .append("taskDefinitionKey", taskDefinitionKey).append("state", TaskState.OPEN.name())
                .append("overdue", false), Updates.set("overdue", true)).getModifiedCount() > 0;
    }

    @Override
    public void due(String taskId, @Nullable Instant due, Instant now) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("due", due == null ? null : Date.from(due)),
                Updates.set("dueSort", due == null ? NO_DUE : Date.from(due))));
        if (due == null || due.isAfter(now)) {
            sets.add(Updates.set("overdue", false));
        }
        tasks.updateOne(eq("_id", taskId), Updates.combine(sets));
    }

    @Override
    public void caseChanged(String caseId, @Nullable String ownerId, Collection<String> assignedIds,
            Collection<String> groupIds, @Nullable String agencyCode, String riskLevel) {
        tasks.updateMany(new Document("caseId", caseId).append("state", TaskState.OPEN.name()), Updates.combine(
                Updates.set("ownerId", ownerId), Updates.set("assignedIds", List.copyOf(assignedIds)),
                Updates.set("groupIds", List.copyOf(groupIds)), Updates.set("agencyCode", agencyCode),
                Updates.set("riskLevel", riskLevel), Updates.set("riskRank", InboxTask.riskRank(riskLevel))));
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

    Optional<InboxTask> find(Bson filter) {
        return Optional.ofNullable(tasks.find(filter).first()).map(this::toTask);
    }

    List<InboxTask> list(Bson filter, int limit) {
        return tasks.find(filter).sort(Sorts.ascending("dueSort", "riskRank", "createdAt")).limit(limit)
                .map(this::toTask).into(new ArrayList<>());
    }

    /** The due-date facts of each matching task, for counting by filter in one read. */
    record DueState(Instant dueSort, boolean overdue) {
    }

    List<DueState> dueStates(Bson filter) {
        return tasks.find(filter).projection(Projections.include("dueSort", "overdue"))
                .map(d -> new DueState(d.getDate("dueSort") == null ? NO_DUE.toInstant()
                        : d.getDate("dueSort").toInstant(), Boolean.TRUE.equals(d.getBoolean("overdue"))))
                .into(new ArrayList<>());
    }

    long count(Bson filter) {
        return tasks.countDocuments(filter);
    }

    /** Test and benchmark support: stores many tasks at once. */
    void insertAll(List<InboxTask> many) {
        if (!many.isEmpty()) {
            tasks.insertMany(many.stream().map(this::toDocument).toList());
        }
    }

    private Document toDocument(InboxTask task) {
        Document document = mapper.toDocument(task);
        document.put("dueSort", task.due() == null ? NO_DUE : Date.from(task.due()));
        return document;
    }

    private InboxTask toTask(Document document) {
        return mapper.fromDocument(document, InboxTask.class);
    }

    static Bson open() {
        return Filters.eq("state", TaskState.OPEN.name());
    }
}

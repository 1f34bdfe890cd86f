package org.kinship.cases.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.FieldChange;
import org.kinship.cases.WorkflowCommand;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Case files in the {@code cases} collection. Every write is one conditional single-document update that
 * also appends the history entries, bumps {@code version} and sets {@code indexPending}: a change, its
 * history and the note that the index must catch up are stored together or not at all.
 */
@Repository
class MongoCaseFileRepository {

    static final String PENDING = "indexPending";
    /**
     * Set while the case's outbox holds a command, indexed: MongoDB answers the poller from the index. (The embedded
     * server uses only unique indexes on exactly the query's keys and still scans; the registration itself is applied
     * by case id, so only the retry poll pays that.)
     */
    static final String OUTBOX_PENDING = "outboxPending";

    private final MongoCollection<Document> cases;
    private final DocumentMapper mapper;

    MongoCaseFileRepository(MongoDatabase database, DocumentMapper mapper) {
        this.cases = database.getCollection("cases");
        this.mapper = mapper;
        cases.createIndex(Indexes.ascending("caseNumber"), new IndexOptions().unique(true).name("case_number"));
        cases.createIndex(Indexes.ascending(PENDING), new IndexOptions().name("index_pending"));
        // serves the {_id, version} filter of every write on the embedded server, which uses an index only for
        // queries on exactly its keys (its _id index does not serve {_id, version}: every write would scan)
        cases.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        cases.createIndex(Indexes.ascending(OUTBOX_PENDING), new IndexOptions().name("outbox_pending"));
        // cases stored before the flag existed: one scan at start, then the poller reads the index only
        cases.updateMany(Filters.and(exists("outbox.0"), exists(OUTBOX_PENDING, false)),
                Updates.set(OUTBOX_PENDING, true));
    }

    void insert(CaseFile file, List<FieldChange> history, @Nullable WorkflowCommand command) {
        cases.insertOne(document(file, history, command));
    }

    /** Inserts registrations in one batch (a loader's bulk path: no event, index them afterwards). */
    void insertAll(List<Document> documents) {
        cases.insertMany(documents, new com.mongodb.client.model.InsertManyOptions().ordered(false));
    }

    /** A new case as stored: its first history entries, marked for indexing, its workflow command. */
    Document document(CaseFile file, List<FieldChange> history, @Nullable WorkflowCommand command) {
        Document document = mapper.toDocument(file).append("history", documents(history)).append(PENDING, true)
                .append("outbox", command == null ? List.of() : List.of(mapper.toDocument(command)));
        return command == null ? document : document.append(OUTBOX_PENDING, true);
    }

    Optional<CaseFile> findById(String id) {
        return Optional.ofNullable(cases.find(eq("_id", id)).projection(withoutLogs()).first()).map(this::toCase);
    }

    /** Applies {@code change} if the case still has {@code expectedVersion}; answers the case as stored after. */
    CaseFile update(String id, long expectedVersion, Bson change, List<FieldChange> history) {
        Document after = cases.findOneAndUpdate(byIdAndVersion(id, expectedVersion),
                Updates.combine(change, Updates.inc("version", 1L), Updates.set(PENDING, true),
                        Updates.pushEach("history", documents(history))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(withoutLogs()));
        if (after == null) {
            throw conflictOrMissing(id, expectedVersion);
        }
        return toCase(after);
    }

    /**
     * Takes back the write that brought the case to {@code writtenVersion}, when nobody has written since: applies
     * {@code restore}, removes that write's history entries and puts the version back. Answers whether it did.
     */
    boolean revert(String id, long writtenVersion, Bson restore) {
        Document reverted = cases.findOneAndUpdate(byIdAndVersion(id, writtenVersion), Updates.combine(restore,
                Updates.set("version", writtenVersion - 1), Updates.pull("history", new Document("version", writtenVersion))));
        return reverted != null;
    }

    RuntimeException conflict(String id, long expectedVersion) {
        return conflictOrMissing(id, expectedVersion);
    }

    private RuntimeException conflictOrMissing(String id, long expectedVersion) {
        Document current = cases.find(eq("_id", id)).projection(Projections.include("version", "history")).first();
        if (current == null) {
            return new CaseNotFoundException(id);
        }
        List<String> paths = historyOf(current).stream().filter(c -> c.version() > expectedVersion)
                .map(FieldChange::path).distinct().toList();
        return new CaseVersionConflictException(id, expectedVersion, current.get("version", Number.class).longValue(),
                paths);
    }

    List<FieldChange> history(String id) {
        Document document = cases.find(eq("_id", id)).projection(Projections.include("history")).first();
        return document == null ? List.of() : historyOf(document);
    }

    List<String> pendingIds() {
        return cases.find(eq(PENDING, true)).projection(Projections.include("_id"))
                .map(d -> d.get("_id").toString()).into(new ArrayList<>());
    }

    /** Clears the pending marker of cases whose indexed version is still the stored one. */
    void clearPending(Map<String, Long> indexedVersions) {
        if (indexedVersions.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = indexedVersions.entrySet().stream()
                .map(e -> new UpdateOneModel<Document>(byIdAndVersion(e.getKey(), e.getValue()),
                        Updates.set(PENDING, false)))
                .toList();
        cases.bulkWrite(updates);
    }

    void forEach(Consumer<CaseFile> action) {
        // an explicit batch size: without one the embedded server answers the first getMore with every remaining
        // document, which fails beyond the driver's 48 MB message limit (about 50,000 cases)
        cases.find().projection(withoutLogs()).batchSize(500).forEach(d -> action.accept(toCase(d)));
    }

    /** Whether any case matches the filter. */
    boolean any(Bson filter) {
        return cases.find(filter).projection(Projections.include("_id")).limit(1).first() != null;
    }

    /** The cases (as stored, sensitive values sealed) that match the filter. */
    void forEach(Bson filter, Consumer<CaseFile> action) {
        cases.find(filter).projection(withoutLogs()).forEach(d -> action.accept(toCase(d)));
    }

    long count() {
        return cases.countDocuments();
    }

    List<WorkflowCommand> pendingCommands(int limit) {
        return commandsIn(cases.find(eq(OUTBOX_PENDING, true)).projection(Projections.include("outbox")).limit(limit))
                .stream().limit(limit).toList();
    }

    List<WorkflowCommand> pendingCommandsOf(String caseId) {
        return commandsIn(cases.find(eq("_id", caseId)).projection(Projections.include("outbox")));
    }

    private List<WorkflowCommand> commandsIn(Iterable<Document> documents) {
        List<WorkflowCommand> commands = new ArrayList<>();
        documents.forEach(d -> d.getList("outbox", Document.class, List.of())
                .forEach(c -> commands.add(mapper.fromDocument(c, WorkflowCommand.class))));
        return commands;
    }

    /** Removes an applied command; the flag goes when the outbox is empty (a case holds at most its registration's). */
    void removeCommand(String caseId, String commandId) {
        Document after = cases.findOneAndUpdate(eq("_id", caseId), Updates.pull("outbox", new Document("_id", commandId)),
                new FindOneAndUpdateOptions().projection(Projections.include("outbox"))
                        .returnDocument(ReturnDocument.AFTER));
        if (after != null && after.getList("outbox", Document.class, List.of()).isEmpty()) {
            cases.updateOne(eq("_id", caseId), Updates.unset(OUTBOX_PENDING));
        }
    }

    /**
     * {@code {_id, version}} as one plain document, which the embedded server answers from the {@code id_version}
     * index; {@code Filters.and(...)} renders {@code $and}, which it answers by scanning the whole collection.
     */
    static Document byIdAndVersion(String id, long version) {
        return new Document("_id", id).append("version", version);
    }

    private static Bson withoutLogs() {
        return Projections.exclude("history", "outbox");
    }

    private List<FieldChange> historyOf(Document document) {
        List<Document> entries = document.getList("history", Document.class, List.of());
        return entries.stream().map(d -> mapper.fromDocument(d, FieldChange.class)).toList();
    }

    private List<Document> documents(List<?> values) {
        return values.stream().map(mapper::toDocument).toList();
    }

    private CaseFile toCase(Document document) {
        return mapper.fromDocument(document, CaseFile.class);
    }
}

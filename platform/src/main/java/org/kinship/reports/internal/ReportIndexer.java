package org.kinship.reports.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseEvent;
import org.kinship.cases.CaseRecords;
import org.kinship.cases.CaseSettings;
import org.kinship.cases.CaseViewed;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormField;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormVersionRef;
import org.kinship.reports.ReportIndexService;
import org.kinship.security.FieldDecryptionException;
import org.kinship.security.FieldEncryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the {@link ReportIndex} in step with the {@code cases} collection (ADR 0020). Every case write publishes a
 * {@link CaseEvent} in the writing thread; the case is then re-read (only the fields a report may use) and
 * re-indexed under a per-case lock, so the next report counts it and concurrent writes never leave an older
 * version behind. Which values are indexed comes from the published form version each section was saved with:
 * the non-sensitive fields of the kinds a report can count ({@link ReportCatalog#REPORTABLE}); a value stored
 * encrypted is read only for a repeating group whose sensitive fields are dropped, never for a sensitive field.
 * A background commit makes the index durable; at start {@link #repair()} compares every case's version with the
 * index and re-indexes what is behind (after a crash, or writes made while the index was not running).
 */
@Service
class ReportIndexer implements ReportIndexService, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIndexer.class);
    private static final int BATCH = 500;

    private final ReportIndex index;
    private final MongoCollection<Document> cases;
    private final ReportFields fields;
    private final CaseRecords records;
    private final CaseSettings settings;
    private final ReentrantLock[] locks = new ReentrantLock[64];
    private final AtomicBoolean uncommitted = new AtomicBoolean();
    /** While a rebuild runs: the cases re-indexed by a write meanwhile, which the rebuild must not overwrite. */
    private volatile @Nullable Set<String> writtenDuringRebuild;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("report-index-commit").daemon().factory());

    ReportIndexer(ReportIndex index, MongoDatabase database, ReportFields fields, CaseRecords records,
            CaseSettings settings) {
        this.index = index;
        this.cases = database.getCollection("cases");
        this.fields = fields;
        this.records = records;
        this.settings = settings;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The case fields the index reads: never the history, notes, outbox or attachments. */
    private static Bson projection() {
        return Projections.include("module", "status", "riskLevel", "ownerId", "assignedIds", "groupIds",
                "agencyCode", "registeredAt", "version", "sections");
    }

    @EventListener
    void caseWritten(CaseEvent event) {
        if (event instanceof CaseViewed) {
            return;
        }
        try {
            refresh(event.caseId());
        } catch (RuntimeException e) {
            // the write is stored: it must not fail because of the read model, which the next start repairs
            LOG.warn("Report index: case {} not re-indexed ({}); repaired at the next start", event.caseId(),
                    e.getClass().getSimpleName());
        }
    }

    /** Indexes the case as it is stored now (removes it when it no longer exists). */
    void refresh(String caseId) {
        ReentrantLock lock = lock(caseId);
        lock.lock();
        try {
            Set<String> written = writtenDuringRebuild;
            if (written != null) {
                written.add(caseId);
            }
            Document stored = cases.find(Filters.eq("_id", caseId)).projection(projection()).first();
            if (stored == null) {
                index.remove(caseId);
            } else {
                index.put(entry(stored));
            }
            uncommitted.set(true);
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lock(String caseId) {
        return locks[Math.floorMod(caseId.hashCode(), locks.length)];
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        repair();
        long millis = Math.max(50, settings.indexCommitInterval().toMillis());
        committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized long repair() {
        long started = System.nanoTime();
        if (!index.existedAtStart() && index.count() == 0) {
            return rebuild();
        }
        Map<String, Long> indexed = index.versions();
        long repaired = 0;
        for (Document stored : cases.find().projection(Projections.include("version")).batchSize(BATCH)) {
            String id = String.valueOf(stored.get("_id"));
            Long version = indexed.remove(id);
            if (version == null || version != stored.get("version", Number.class).longValue()) {
                refresh(id);
                repaired++;
            }
        }
        indexed.keySet().forEach(index::remove);
        repaired += indexed.size();
        commit();
        if (repaired > 0) {
            LOG.info("Report index: {} case(s) brought in step in {} ms", repaired,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return repaired;
    }

    @Override
    public synchronized long rebuild() {
        long started = System.nanoTime();
        Set<String> written = ConcurrentHashMap.newKeySet();
        writtenDuringRebuild = written;
        long[] counted = {0};
        try {
            index.deleteAll();
            cases.find().projection(projection()).batchSize(BATCH).forEach(stored -> {
                String id = String.valueOf(stored.get("_id"));
                ReentrantLock lock = lock(id);
                lock.lock();
                try {
                    // a write since this batch was read indexed the case as stored now: keep that
                    if (!written.contains(id)) {
                        index.put(entry(stored));
                    }
                } finally {
                    lock.unlock();
                }
                counted[0]++;
            });
        } finally {
            writtenDuringRebuild = null;
        }
        commit();
        LOG.info("Report index rebuilt: {} case(s) in {} ms", counted[0], (System.nanoTime() - started) / 1_000_000);
        return counted[0];
    }

    @Override
    public void commit() {
        uncommitted.set(false);
        index.commit();
    }

    private void commitQuietly() {
        try {
            if (uncommitted.getAndSet(false)) {
                index.commit();
            }
        } catch (RuntimeException e) {
            uncommitted.set(true);
            LOG.warn("Report index commit failed; retried, and repaired at the next start", e);
        }
    }

    /** The index entry of a stored case: scope terms, case attributes and every reportable section value. */
    ReportIndex.Entry entry(Document stored) {
        String id = String.valueOf(stored.get("_id"));
        Map<String, List<Object>> values = new LinkedHashMap<>();
        Map<String, List<Document>> groups = new LinkedHashMap<>();
        values.put(ReportFields.STATUS, FieldValues.values(stored.get("status")));
        values.put(ReportFields.RISK_LEVEL, FieldValues.values(stored.get("riskLevel")));
        values.put(ReportFields.AGENCY, FieldValues.values(stored.get("agencyCode")));
        values.put(ReportFields.REGISTERED_AT, FieldValues.values(stored.get("registeredAt")));
        if (stored.get("sections") instanceof Document sections) {
            sections.forEach((sectionId, section) -> {
                if (section instanceof Document saved) {
                    addSection(id, sectionId, saved, values, groups);
                }
            });
        }
        Date registered = stored.get("registeredAt") instanceof Date date ? date : null;
        return new ReportIndex.Entry(id, stored.get("version", Number.class).longValue(), stored.getString("module"),
                stored.getString("ownerId"), strings(stored.get("assignedIds")), strings(stored.get("groupIds")),
                stored.getString("agencyCode"), registered, values, groups);
    }

    private void addSection(String caseId, String sectionId, Document saved, Map<String, List<Object>> values,
            Map<String, List<Document>> groups) {
        Optional<FormSchema> schema = schemaOf(saved);
        if (schema.isEmpty() || !(saved.get("data") instanceof Document data)) {
            return;
        }
        for (FormField field : schema.get().fields()) {
            if (field.sensitive() || !data.containsKey(field.name())) {
                continue;
            }
            Object value = data.get(field.name());
            if (field.kind() == FieldKind.REPEATING_GROUP) {
                List<Document> items = items(caseId, sectionId, field, value);
                if (!items.isEmpty()) {
                    groups.put(sectionId + "/" + field.name(), items);
                }
            } else if (ReportCatalog.REPORTABLE.contains(field.kind()) && !FieldEncryptor.isEncrypted(value)) {
                values.put(sectionId + "/" + field.name(), FieldValues.values(value));
            }
        }
    }

    /** A repeating group's items with only their non-sensitive reportable fields (decrypted when stored sealed). */
    private List<Document> items(String caseId, String sectionId, FormField group, @Nullable Object value) {
        Object open = value;
        if (FieldEncryptor.isEncrypted(value)) {
            try {
                open = records.openStoredValue(caseId, sectionId, group.name(), value);
            } catch (FieldDecryptionException e) {
                // an unreadable value (its key was removed) must not stop the index; the log names the case only
                LOG.warn("Case {} holds a group that cannot be decrypted; its items are not counted in reports", caseId);
                return List.of();
            }
        }
        List<FormField> countable = group.children().stream()
                .filter(c -> !c.sensitive() && ReportCatalog.REPORTABLE.contains(c.kind())).toList();
        List<Document> items = new ArrayList<>();
        for (Map<?, ?> item : FieldValues.items(open)) {
            Document kept = new Document();
            for (FormField child : countable) {
                Object childValue = item.get(child.name());
                if (childValue != null) {
                    kept.put(child.name(), childValue);
                }
            }
            items.add(kept);
        }
        return items;
    }

    private Optional<FormSchema> schemaOf(Document saved) {
        Object formId = saved.get("formId");
        Object version = saved.get("formVersion");
        if (!(formId instanceof String form) || !(version instanceof Number number)) {
            return Optional.empty();
        }
        return fields.schema(new FormVersionRef(form, number.intValue()));
    }

    private static List<String> strings(@Nullable Object values) {
        List<String> strings = new ArrayList<>();
        if (values instanceof List<?> list) {
            list.stream().filter(v -> v != null).forEach(v -> strings.add(String.valueOf(v)));
        }
        return strings;
    }

    @Override
    public void destroy() {
        committer.shutdownNow();
        try {
            index.commit();
        } catch (RuntimeException e) {
            LOG.warn("Report index commit at shutdown failed; repaired at the next start", e);
        }
    }
}

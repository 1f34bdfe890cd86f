package org.kinship.cases.internal;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseIndexService;
import org.kinship.cases.CaseSettings;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.security.FieldDecryptionException;
import org.kinship.security.FieldEncryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the case index in step with MongoDB. After every case write the case is re-read and re-indexed
 * under a per-case lock (so concurrent writes can never leave an older version in the index); a background
 * commit makes the index durable and then clears the cases' {@code indexPending} markers. A crash before
 * that commit leaves the markers set, and {@link #repair()} at the next start re-indexes those cases.
 */
@Service
class CaseIndexer implements CaseIndexService, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(CaseIndexer.class);

    private final CaseIndex index;
    private final MongoCaseFileRepository cases;
    private final RecordModuleService modules;
    private final CaseSettings settings;
    private final CaseCrypto crypto;
    private final ReentrantLock[] locks = new ReentrantLock[64];
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("case-index-commit").daemon().factory());

    CaseIndexer(CaseIndex index, MongoCaseFileRepository cases, RecordModuleService modules, CaseSettings settings,
            CaseCrypto crypto) {
        this.crypto = crypto;
        this.index = index;
        this.cases = cases;
        this.modules = modules;
        this.settings = settings;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Indexes the case as it is stored now. */
    void refresh(String caseId) {
        ReentrantLock lock = locks[Math.floorMod(caseId.hashCode(), locks.length)];
        lock.lock();
        try {
            cases.findById(caseId).ifPresent(file -> put(file, fieldsOf(file)));
        } finally {
            lock.unlock();
        }
    }

    /** Indexes a case as just stored by the caller (a bulk insert without events), without reading it back. */
    void indexStored(CaseFile stored, IndexedFields fields) {
        ReentrantLock lock = locks[Math.floorMod(stored.id().hashCode(), locks.length)];
        lock.lock();
        try {
            put(stored, fields);
        } finally {
            lock.unlock();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        repair();
        long millis = Math.max(50, settings.indexCommitInterval().toMillis());
        committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void repair() {
        long stored = cases.count();
        if (settings.rebuildIndexAtStart() || !index.existedAtStart() && stored > 0 || index.count() < stored) {
            LOG.info("Case index missing or behind ({} indexed, {} stored): rebuilding", index.count(), stored);
            rebuild();
            return;
        }
        var pending = cases.pendingIds();
        if (!pending.isEmpty()) {
            LOG.info("Re-indexing {} case(s) whose index update was not committed", pending.size());
            pending.forEach(this::refresh);
            commit();
        }
    }

    @Override
    public synchronized long rebuild() {
        index.deleteAll();
        Map<String, IndexedFields> fields = new java.util.HashMap<>();
        long[] counted = {0};
        cases.forEach(file -> {
            put(file, fields.computeIfAbsent(file.module(), m -> fieldsOf(file)));
            counted[0]++;
        });
        commit();
        LOG.info("Case index rebuilt: {} case(s)", counted[0]);
        return counted[0];
    }

    @Override
    public synchronized void commit() {
        cases.clearPending(index.commit());
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("Case index commit failed; the cases stay marked pending and are retried", e);
        }
    }

    /** Indexes the stored (sealed) case: in clear, with a note whether its name is sensitive. */
    private void put(CaseFile stored, IndexedFields fields) {
        boolean nameSensitive = fields.names().stream()
                .anyMatch(name -> stored.value(name).filter(FieldEncryptor::isEncrypted).isPresent());
        CaseFile open;
        try {
            open = crypto.open(stored);
        } catch (FieldDecryptionException e) {
            // one unreadable value (its key was removed, or it was copied from another case) must not stop the
            // index: the case is listed without its sensitive values, and the log says which case (never a value)
            LOG.warn("Case {} holds a sensitive value that cannot be decrypted; indexed without it", stored.id());
            open = CaseCrypto.withoutSealed(stored);
        }
        index.put(open, fields, nameSensitive);
    }

    private IndexedFields fieldsOf(CaseFile file) {
        return modules.find(file.module()).map(RecordModule::indexedFields).orElse(IndexedFields.standard());
    }

    @Override
    public void destroy() {
        committer.shutdownNow();
        commitQuietly();
    }
}

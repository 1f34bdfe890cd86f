package org.kinship.tasks.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Keeps the task index durable and repairs it. At start (before the inbox is brought in step with the workflow
 * engine) the index is rebuilt from MongoDB when it is missing or holds another number of open tasks than the
 * {@code tasks} collection; otherwise the tasks still marked {@code indexPending} (written, but the index commit
 * did not happen before a crash) are re-indexed. A background commit every
 * {@code kinship.tasks.index-commit-interval} (1 s) makes the index durable and then clears those markers.
 */
@Service
class TaskIndexer implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TaskIndexer.class);

    private final TaskIndex index;
    private final MongoTaskRepository tasks;
    private final Duration commitInterval;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("task-index-commit").daemon().factory());

    TaskIndexer(TaskIndex index, MongoTaskRepository tasks,
            @Value("${kinship.tasks.index-commit-interval:1s}") Duration commitInterval) {
        this.index = index;
        this.tasks = tasks;
        this.commitInterval = commitInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void atStart() {
        repair();
        long millis = Math.max(50, commitInterval.toMillis());
        committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Rebuilds the index when it is missing or behind MongoDB, else re-indexes the tasks left pending. */
    synchronized void repair() {
        long stored = tasks.countOpen();
        if (!index.existedAtStart() && stored > 0 || index.count() != stored) {
            LOG.info("Task index missing or out of step ({} indexed, {} open tasks stored): rebuilding", index.count(),
                    stored);
            rebuild();
            return;
        }
        var pending = tasks.pendingIds();
        if (!pending.isEmpty()) {
            LOG.info("Re-indexing {} task(s) whose index update was not committed", pending.size());
            pending.forEach(tasks::refresh);
            commit();
        }
    }

    /** Replaces the index with the open tasks MongoDB holds now; answers how many were indexed. */
    synchronized long rebuild() {
        long count = tasks.reindexAll();
        commit();
        LOG.info("Task index rebuilt: {} open task(s)", count);
        return count;
    }

    synchronized void commit() {
        tasks.clearPending(index.commit());
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("Task index commit failed; the tasks stay marked pending and are retried", e);
        }
    }

    @Override
    public void destroy() {
        committer.shutdownNow();
        commitQuietly();
    }
}

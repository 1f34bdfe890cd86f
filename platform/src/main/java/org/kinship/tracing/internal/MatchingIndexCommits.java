package org.kinship.tracing.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.kinship.cases.CaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Commits the matching index in the background (ADR 0023), at the case read models' cadence
 * ({@code kinship.cases.index-commit-interval}, one second by default), and only when something was written: a
 * save is visible to searches at once and durable within about the interval, instead of an fsync on the saving
 * thread. The index commits a last time when it closes; after a crash {@link org.kinship.tracing.MatchingJobService}
 * indexes every record again.
 */
@Component
class MatchingIndexCommits implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingIndexCommits.class);

    private final MatchingIndex index;
    private final CaseSettings settings;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matching-index-commit").daemon().factory());

    MatchingIndexCommits(MatchingIndex index, CaseSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        long millis = Math.max(50, settings.indexCommitInterval().toMillis());
        committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void commitQuietly() {
        try {
            if (index.hasUncommittedChanges()) {
                index.commit();
            }
        } catch (RuntimeException e) {
            LOG.warn("Matching index commit failed ({}); retried on the next pass", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // not interrupted mid-commit: the index commits once more when it closes
        committer.shutdown();
        committer.awaitTermination(30, TimeUnit.SECONDS);
    }
}

package org.kinship.tracing;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseRecords;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.tracing.MatchingJob.Kind;
import org.kinship.tracing.MatchingJob.State;
import org.kinship.tracing.TracingRefusedException.Reason;
import org.kinship.tracing.internal.MatchingUpdates;
import org.kinship.tracing.internal.MongoTracingRequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Bulk work in one background thread, one job at a time, with progress: re-matching every record (after an
 * import, or at start when the index is missing) and the duplicate scan of cases. Administrators of matching
 * start them and watch their progress.
 */
@Service
public class MatchingJobService implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingJobService.class);
    private static final int DUPLICATES_PER_CASE = 5;

    private final CaseRecords cases;
    private final MongoTracingRequestRepository requests;
    private final MatchingUpdates updates;
    private final MatchingService matching;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("matching-jobs").factory());
    private final Map<Kind, MatchingJob> jobs = new EnumMap<>(Kind.class);
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    MatchingJobService(CaseRecords cases, MongoTracingRequestRepository requests, MatchingUpdates updates,
            MatchingService matching, PermissionService permissions, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.requests = requests;
        this.updates = updates;
        this.matching = matching;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            jobs.put(kind, MatchingJob.idle(kind));
        }
    }

    /** Starts a job for an administrator of matching (audited). */
    public MatchingJob start(KinshipUser user, Kind kind) {
        permissions.requireEverywhere(user, Resource.MATCHING, Action.MANAGE, null);
        MatchingJob job = start(kind, user.id());
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "matching_job", kind.name().toLowerCase(
                java.util.Locale.ROOT), AuditOutcome.SUCCESS, Map.of("total", String.valueOf(job.total())));
        return job;
    }

    public MatchingJob progress(KinshipUser user, Kind kind) {
        permissions.requireEverywhere(user, Resource.MATCHING, Action.VIEW, null);
        return progress(kind);
    }

    public synchronized MatchingJob progress(Kind kind) {
        return jobs.get(kind);
    }

    /**
     * Waits for the running job to end (tools and tests; views poll {@link #progress}).
     *
     * @return false when it is still running after {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        CompletableFuture<Void> current;
        synchronized (this) {
            current = running;
        }
        try {
            current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /**
     * At start: an empty matching index while records exist (new node, lost index) is rebuilt, and so is one the last
     * run did not close (a crash: saves after its last background commit are lost, ADR 0023).
     */
    @EventListener(ApplicationReadyEvent.class)
    void repairAtStart() {
        if (cases.count() + requests.count() == 0) {
            return;
        }
        if (matching.indexedProfiles() == 0) {
            LOG.info("The matching index is empty: re-matching every record");
            start(Kind.REMATCH, "system");
        } else if (!matching.indexClosedCleanly()) {
            LOG.info("The matching index was not closed when the platform last stopped: re-matching every record");
            start(Kind.REMATCH, "system");
        }
    }

    private synchronized MatchingJob start(Kind kind, String by) {
        if (!running.isDone()) {
            throw new TracingRefusedException(Reason.CONFLICT, "tracing.job.running");
        }
        long total = kind == Kind.REMATCH ? cases.count() + requests.count() : cases.count();
        MatchingJob job = new MatchingJob(kind, State.RUNNING, total, 0, 0, clock.instant(), null, by);
        jobs.put(kind, job);
        running = CompletableFuture.runAsync(() -> run(job), executor);
        return job;
    }

    private void run(MatchingJob job) {
        AtomicLong done = new AtomicLong();
        AtomicLong found = new AtomicLong();
        try {
            if (job.kind() == Kind.REMATCH) {
                cases.forEach(file -> {
                    updates.refreshCase(file.id(), false);
                    report(job, done.incrementAndGet(), found.get());
                });
                matching.commit();
                requests.forEach(request -> {
                    for (PersonProfile child : updates.requestProfiles(request)) {
                        found.addAndGet(matching.rematch(child).size());
                    }
                    report(job, done.incrementAndGet(), found.get());
                });
            } else {
                cases.forEach(file -> {
                    if (file.isOpen()) {
                        PersonProfile profile = updates.caseProfile(file);
                        for (MatchCandidate duplicate : matching.findDuplicates(profile, CandidateFilter.unrestricted(),
                                DUPLICATES_PER_CASE)) {
                            if (duplicate.label() != MatchLabel.UNLIKELY) {
                                matching.recordDetected(file.id(), duplicate.profileId(), duplicate.score(),
                                        duplicate.label());
                                found.incrementAndGet();
                            }
                        }
                    }
                    report(job, done.incrementAndGet(), found.get());
                });
            }
            finish(job, State.DONE, done.get(), found.get());
        } catch (RuntimeException e) {
            LOG.warn("Matching job {} failed after {} records ({})", job.kind(), done.get(), e.getClass().getSimpleName());
            finish(job, State.FAILED, done.get(), found.get());
        }
    }

    private synchronized void report(MatchingJob job, long done, long found) {
        jobs.put(job.kind(), new MatchingJob(job.kind(), State.RUNNING, Math.max(job.total(), done), done, found,
                job.startedAt(), null, job.startedBy()));
    }

    private synchronized void finish(MatchingJob job, State state, long done, long found) {
        jobs.put(job.kind(), new MatchingJob(job.kind(), state, Math.max(job.total(), done), done, found,
                job.startedAt(), clock.instant(), job.startedBy()));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}

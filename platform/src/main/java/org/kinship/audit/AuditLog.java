package org.kinship.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.internal.AuditHashing;
import org.kinship.audit.internal.MongoAuditRepository;
import org.springframework.stereotype.Service;

/**
 * Appends to the audit log. Each entry links to the one before by its hash; appends are serialized across
 * application nodes by the unique sequence (ADR 0004), so the chain never forks. Call it for every read and
 * write of child data, for exports, and for every refusal.
 */
@Service
public class AuditLog {

    private static final int MAX_ATTEMPTS = 200;

    private final MongoAuditRepository repository;
    private final Clock clock;
    private @Nullable AuditEntry head;

    AuditLog(MongoAuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Records what happened.
     *
     * @param resourceType e.g. {@code case}, {@code user}, {@code role}; absent for sign-ins
     * @param details      ids, field names and codes only (keys without {@code .} or leading {@code $}), never
     *                     values of child data
     * @return the stored entry
     */
    public synchronized AuditEntry record(AuditActor actor, String action, @Nullable String resourceType,
            @Nullable String resourceId, AuditOutcome outcome, Map<String, String> details) {
        details.keySet().forEach(AuditLog::checkKey);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            AuditEntry previous = head != null ? head : repository.head().orElse(null);
            long sequence = previous == null ? 1 : previous.sequence() + 1;
            String previousHash = previous == null ? AuditEntry.GENESIS_HASH : previous.hash();
            String hash = AuditHashing.hash(sequence, at, actor.id(), actor.username(), action, resourceType,
                    resourceId, outcome, details, previousHash);
            AuditEntry entry = new AuditEntry(sequence, at, actor.id(), actor.username(), action, resourceType,
                    resourceId, outcome, details, previousHash, hash);
            if (repository.tryAppend(entry)) {
                head = entry;
                return entry;
            }
            // Another node appended: re-read the head and chain onto it, backing off a little in case the head
            // read lags behind the primary (majority read concern on a replica set).
            head = null;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(attempt + 1, 20)));
        }
        throw new IllegalStateException("Could not append to the audit log after " + MAX_ATTEMPTS + " attempts");
    }

    /** Shorthand for an entry without details. */
    public AuditEntry record(AuditActor actor, String action, @Nullable String resourceType,
            @Nullable String resourceId, AuditOutcome outcome) {
        return record(actor, action, resourceType, resourceId, outcome, Map.of());
    }

    /** Entries matching the query, newest first. */
    public AuditPage search(AuditQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and 500");
        }
        return repository.search(query, page, size);
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.contains(".") || key.startsWith("$")) {
            throw new IllegalArgumentException("Audit detail keys must be plain names: " + key);
        }
    }
}

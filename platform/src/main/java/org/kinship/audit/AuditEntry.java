package org.kinship.audit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log. {@code hash} is SHA-256 over the canonical form of every other field, which
 * includes {@code previousHash}: changing, removing or inserting an entry breaks the chain after it.
 *
 * @param sequence     1, 2, 3... without gaps
 * @param at           when, to the millisecond
 * @param details      ids and field names only (sorted by key), never values of child data
 * @param previousHash the hash of entry {@code sequence - 1}; 64 zeros for the first entry
 */
public record AuditEntry(
        long sequence,
        Instant at,
        @Nullable String actorId,
        String actorName,
        String action,
        @Nullable String resourceType,
        @Nullable String resourceId,
        AuditOutcome outcome,
        Map<String, String> details,
        String previousHash,
        String hash) {

    public static final String GENESIS_HASH = "0".repeat(64);

    public AuditEntry {
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }
}

package org.kinship.tracing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A background matching job and how far it got.
 *
 * @param kind      re-matching every record, or scanning cases for duplicates
 * @param total     records to go through
 * @param done      records gone through
 * @param found     potential matches (or duplicate pairs) found
 * @param startedBy the user id, or {@code system} for the repair at start
 */
public record MatchingJob(Kind kind, State state, long total, long done, long found, @Nullable Instant startedAt,
        @Nullable Instant finishedAt, @Nullable String startedBy) {

    public enum Kind {
        REMATCH, DUPLICATE_SCAN
    }

    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    public static MatchingJob idle(Kind kind) {
        return new MatchingJob(kind, State.IDLE, 0, 0, 0, null, null, null);
    }

    /** Share done, 0..1. */
    public double progress() {
        return total == 0 ? (state == State.DONE ? 1 : 0) : Math.min(1, (double) done / total);
    }
}

package org.kinship.tracing;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A pair of profiles the engine found alike, with its review. The pair is unordered: {@code leftId} is the
 * smaller id, so one pair has one record. A rejected pair is kept so it never comes back.
 *
 * @param leftId     the smaller of the two profile ids
 * @param rightId    the larger of the two profile ids
 * @param score      the score when last detected, in bits
 * @param label      the label when last detected
 * @param state      the review state
 * @param review     who confirmed or rejected it, when, and why; {@code null} while new
 * @param detectedAt when the pair was first detected
 * @param version    optimistic-locking version, 0 before the first save
 */
public record PotentialMatch(String leftId, String rightId, double score, MatchLabel label, ReviewState state,
                             @Nullable Review review, Instant detectedAt, long version) {

    /**
     * A review decision.
     *
     * @param by      the user who decided
     * @param at      when
     * @param comment why (required for a rejection)
     */
    public record Review(String by, Instant at, String comment) {
    }

    public PotentialMatch {
        if (leftId.compareTo(rightId) >= 0) {
            throw new IllegalArgumentException("A pair needs two ids in order: " + leftId + ", " + rightId);
        }
        if ((state == ReviewState.NEW) != (review == null)) {
            throw new IllegalArgumentException("Only a reviewed pair has a review");
        }
    }

    /** A newly detected pair, in either order. */
    public static PotentialMatch detected(String oneId, String otherId, double score, MatchLabel label,
            Instant at) {
        return new PotentialMatch(first(oneId, otherId), second(oneId, otherId), score, label, ReviewState.NEW,
                null, at, 0);
    }

    /** The key of the unordered pair. */
    public static String pairKey(String oneId, String otherId) {
        return first(oneId, otherId) + "|" + second(oneId, otherId);
    }

    public String pairKey() {
        return leftId + "|" + rightId;
    }

    public String otherThan(String profileId) {
        return leftId.equals(profileId) ? rightId : leftId;
    }

    /** The same children: the caseworker confirms. Only a new pair can be confirmed. */
    public PotentialMatch confirm(String by, Instant at, String comment) {
        if (state != ReviewState.NEW) {
            throw new IllegalStateException("Only a new potential match can be confirmed; this one is " + state);
        }
        return new PotentialMatch(leftId, rightId, score, label, ReviewState.CONFIRMED, new Review(by, at, comment),
                detectedAt, version);
    }

    /** Not the same children: rejected for good. A reason is required; a confirmed pair may still be rejected. */
    public PotentialMatch reject(String by, Instant at, String comment) {
        if (state == ReviewState.REJECTED) {
            throw new IllegalStateException("This potential match is already rejected");
        }
        if (comment.isBlank()) {
            throw new IllegalArgumentException("A rejection needs a comment");
        }
        return new PotentialMatch(leftId, rightId, score, label, ReviewState.REJECTED, new Review(by, at, comment),
                detectedAt, version);
    }

    /** The score of a new pair found again; a reviewed pair keeps the score it was reviewed with. */
    public PotentialMatch rescored(double newScore, MatchLabel newLabel) {
        return state == ReviewState.NEW
                ? new PotentialMatch(leftId, rightId, newScore, newLabel, state, review, detectedAt, version)
                : this;
    }

    public PotentialMatch withVersion(long newVersion) {
        return new PotentialMatch(leftId, rightId, score, label, state, review, detectedAt, newVersion);
    }

    private static String first(String a, String b) {
        return Objects.requireNonNull(a).compareTo(b) <= 0 ? a : b;
    }

    private static String second(String a, String b) {
        return a.compareTo(b) <= 0 ? b : a;
    }
}

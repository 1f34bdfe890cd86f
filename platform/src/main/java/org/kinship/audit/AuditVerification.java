package org.kinship.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the audit chain.
 *
 * @param intact         true when every entry hashes to its stored hash and links to its predecessor
 * @param entriesChecked entries read
 * @param headSequence   the last sequence seen; record it with {@code headHash} outside the system to detect a
 *                       truncated tail later
 * @param brokenSequence the first sequence that is wrong (for a gap: the first missing one)
 * @param problem        what is wrong there
 * @param message        a sentence for operators
 */
public record AuditVerification(boolean intact, long entriesChecked, long headSequence, @Nullable String headHash,
        @Nullable Long brokenSequence, @Nullable Problem problem, String message) {

    /** Why the chain is broken. */
    public enum Problem {
        /** The entry's content does not hash to its stored hash: it was edited. */
        HASH_MISMATCH,
        /** The entry's {@code previousHash} is not the hash of the entry before it: one was replaced. */
        LINK_MISMATCH,
        /** A sequence number is missing: an entry was deleted. */
        GAP,
        /** The entry at the anchor's sequence has another hash than the anchor: the chain was rebuilt. */
        ANCHOR_MISMATCH,
        /** The chain ends before the anchor's sequence: its tail was deleted. */
        TRUNCATED
    }
}

package org.kinship.audit;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditVerification.Problem;
import org.kinship.audit.internal.AuditHashing;
import org.kinship.audit.internal.MongoAuditRepository;
import org.springframework.stereotype.Service;

/**
 * Walks the whole audit chain from sequence 1 and reports it intact or names the first entry that is wrong.
 * A removed tail or a chain forged from the start cannot be seen from the chain alone: pass an
 * {@link AuditAnchor} (a {@code headSequence}/{@code headHash} recorded earlier outside the system, ADR 0004).
 */
@Service
public class AuditVerifier {

    private final MongoAuditRepository repository;

    AuditVerifier(MongoAuditRepository repository) {
        this.repository = repository;
    }

    public AuditVerification verify() {
        return verify(null);
    }

    /** Verifies the chain and, when given, that it still contains the anchor recorded earlier. */
    public AuditVerification verify(@Nullable AuditAnchor anchor) {
        Walk walk = new Walk(anchor);
        repository.walk(walk::visit);
        if (walk.problem == null && anchor != null && walk.expected <= anchor.sequence()) {
            walk.fail(walk.expected, Problem.TRUNCATED, "Entries " + walk.expected + " to " + anchor.sequence()
                    + " were removed: the log ends before the anchor recorded earlier.");
        }
        if (walk.problem == null) {
            return new AuditVerification(true, walk.checked, walk.expected - 1, walk.previousHash, null, null,
                    "The audit log is intact: " + walk.checked + " entries, head " + (walk.expected - 1) + ".");
        }
        return new AuditVerification(false, walk.checked, walk.expected - 1,
                walk.expected > 1 ? walk.previousHash : null, walk.broken, walk.problem, walk.message);
    }

    private static final class Walk {
        final @Nullable AuditAnchor anchor;
        long expected = 1;
        long checked;
        String previousHash = AuditEntry.GENESIS_HASH;
        @Nullable Long broken;
        @Nullable Problem problem;
        String message = "";

        Walk(@Nullable AuditAnchor anchor) {
            this.anchor = anchor;
        }

        boolean visit(MongoAuditRepository.Stored stored) {
            checked++;
            if (stored.sequence() != expected) {
                return fail(expected, Problem.GAP, "Entry " + expected + " is missing (next stored entry is "
                        + stored.sequence() + "): an entry was removed.");
            }
            AuditEntry entry = stored.entry();
            if (entry == null) {
                return fail(expected, Problem.HASH_MISMATCH, "Entry " + expected + " cannot be read: it was altered.");
            }
            if (!entry.previousHash().equals(previousHash)) {
                return fail(expected, Problem.LINK_MISMATCH, "Entry " + expected
                        + " does not link to the hash of entry " + (expected - 1) + ": an entry was replaced.");
            }
            if (!AuditHashing.expectedHash(entry).equals(entry.hash())) {
                return fail(expected, Problem.HASH_MISMATCH, "Entry " + expected
                        + " does not match its hash: its content was changed after it was written.");
            }
            if (anchor != null && anchor.sequence() == expected && !anchor.hash().equals(entry.hash())) {
                return fail(expected, Problem.ANCHOR_MISMATCH, "Entry " + expected
                        + " differs from the anchor recorded earlier: the log was rewritten up to there.");
            }
            previousHash = entry.hash();
            expected++;
            return true;
        }

        boolean fail(long sequence, Problem what, String why) {
            broken = sequence;
            problem = what;
            message = why;
            return false;
        }
    }
}

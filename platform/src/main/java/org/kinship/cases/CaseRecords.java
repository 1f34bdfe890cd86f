package org.kinship.cases;

import java.util.Optional;
import java.util.function.Consumer;

import org.kinship.security.KinshipUser;

/**
 * System-side access to case files for features that keep projections of them (the matching index) and for
 * links other features record on a case. Reads here apply no user scope and are not audited as views:
 * callers must only hand what they read to users through their own scoped and audited answers.
 */
public interface CaseRecords {

    /** The case as stored, sensitive values decrypted, whoever may see it. */
    Optional<CaseFile> find(String caseId);

    /** Every stored case, in no particular order (for rebuilding projections). */
    void forEach(Consumer<CaseFile> action);

    long count();

    /**
     * Records in the case's history that the case was linked to (or unlinked from) another record, for example
     * a confirmed tracing match: history path {@code links/<kind>/<targetId>}, new value the target's readable
     * number ({@code null} when unlinked). The user must be able to view the case.
     *
     * @throws CaseNotFoundException when the case is outside the user's scope
     */
    CaseFile recordLink(KinshipUser user, String caseId, String kind, String targetId, String targetNumber,
            boolean linked);
}

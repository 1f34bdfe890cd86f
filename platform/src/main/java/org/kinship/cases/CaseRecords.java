package org.kinship.cases;

import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
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
     * One top-level value of a case section as read straight from the {@code cases} collection by a read model
     * that queries it itself (the reports, ADR 0012), decrypted when it is stored encrypted: a sensitive field,
     * or a whole repeating group that has a sensitive field inside (its other fields are not sensitive and may be
     * reported). Values stored in clear are answered as they are.
     */
    @Nullable Object openStoredValue(String caseId, String section, String field, @Nullable Object stored);

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

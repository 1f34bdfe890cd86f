package org.kinship.cases;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a case that another feature decided and authorised (transfers, assignments and referrals are
 * checked by the referrals feature: permission, scope, consent). They apply to the current version of the case,
 * are written with their history entries in the same update, re-index the case and publish an event. Callers
 * must check the acting user's rights first: these methods do not apply a scope.
 */
public interface CaseCustody {

    /** Why the owner changes. */
    enum OwnerChange {
        TRANSFER, ASSIGNMENT
    }

    /**
     * Makes {@code newOwnerId} the responsible worker and {@code newAgencyCode} the case's agency (history
     * entries {@code ownerId} and {@code agencyCode}).
     *
     * @throws CaseNotFoundException when the case does not exist
     * @throws CaseRequestRefusedException (conflict) when the case is closed
     */
    CaseFile changeOwner(String caseId, String newOwnerId, @Nullable String newAgencyCode, OwnerChange kind,
            String byUserId);

    /**
     * Records that a service of the case plan reached {@code status} (for example {@code delivered}); the
     * history entry {@code services/<serviceRef>/<serviceType>} goes from the previous status to this one.
     */
    CaseFile recordService(String caseId, String serviceRef, String serviceType, @Nullable String previousStatus,
            String status, String byUserId);
}

package org.kinship.workflow;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * Service-level targets as data: the installation's targets per risk level, and per child an override with a
 * reason. Every change is audited and moves the due dates of the running processes concerned.
 */
public interface ServiceLevelService {

    /** The current targets (version 0 and no targets before any were installed). */
    ServiceLevels current();

    /**
     * Replaces the targets if they still have {@code expectedVersion} ({@code workflow:manage}).
     *
     * @throws WorkflowRequestRefusedException when a target is invalid (422) or the version is stale (409)
     * @throws org.kinship.security.PermissionDeniedException without the permission
     */
    ServiceLevels update(KinshipUser user, long expectedVersion, List<ServiceLevel> targets);

    /** Replaces the targets on behalf of a template package being applied (no user check; audited). */
    ServiceLevels installFromPackage(List<ServiceLevel> targets, String appliedBy);

    /**
     * Puts back the targets a template package apply replaced before it failed: {@code previous} (empty: none were
     * installed, the standard targets apply again). No user check; audited.
     */
    ServiceLevels restoreAfterFailedPackage(List<ServiceLevel> previous, String appliedBy);

    /** A case's due dates (case scope: out of scope = {@link WorkflowRequestRefusedException} 404). */
    CaseDueDates dueDates(KinshipUser user, String caseId);

    /**
     * Sets (or with both hours {@code null}, removes) a child's own targets ({@code case:override_target} in the
     * case's scope), with a reason; the running process's due dates and timers move at once.
     */
    CaseDueDates overrideTargets(KinshipUser user, String caseId, long expectedVersion,
            @Nullable Integer assessmentHours, @Nullable Integer casePlanHours, String reason);
}

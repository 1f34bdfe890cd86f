package org.kinship.workflow;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The due dates a case's process runs with, and where they come from.
 *
 * @param override the child's own targets, when someone set them
 * @param version  the version of the case's target record (0 before any override), for the next override
 */
public record CaseDueDates(String caseId, String riskLevel, Instant assessmentDue, Instant casePlanDue,
        @Nullable TargetOverride override, long version) {
}

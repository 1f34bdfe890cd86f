package org.kinship.workflow;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A child's own service-level targets, replacing those of the risk level (the seed documents' "customize time
 * scale targets for each individual child"). A {@code null} number keeps the risk level's target for that step.
 */
public record TargetOverride(@Nullable Integer assessmentHours, @Nullable Integer casePlanHours, String reason,
        String by, Instant at) {
}

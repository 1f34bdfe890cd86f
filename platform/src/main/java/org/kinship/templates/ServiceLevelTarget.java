package org.kinship.templates;

import java.time.Duration;
import java.time.Instant;

/**
 * How soon a child of a risk level must be assessed and have a case plan, in hours from registration. The
 * workflow gets the resulting absolute dates ({@code assessmentDue}, {@code casePlanDue}; docs/workflows.md).
 *
 * @param riskLevel       a code of the {@code risk_levels} lookup ({@code high}, {@code medium}, {@code low})
 * @param assessmentHours hours until the assessment is due
 * @param casePlanHours   hours until the case plan is due
 */
public record ServiceLevelTarget(String riskLevel, int assessmentHours, int casePlanHours) {

    public Instant assessmentDue(Instant registeredAt) {
        return registeredAt.plus(Duration.ofHours(assessmentHours));
    }

    public Instant casePlanDue(Instant registeredAt) {
        return registeredAt.plus(Duration.ofHours(casePlanHours));
    }
}

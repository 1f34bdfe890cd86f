package org.kinship.workflow;

import java.time.Duration;
import java.time.Instant;

/**
 * How soon a child of a risk level must be assessed and have a case plan, in hours from registration. The
 * process gets the resulting absolute dates ({@code assessmentDue}, {@code casePlanDue}; docs/workflows.md).
 *
 * @param riskLevel a code of the {@code risk_levels} lookup ({@code high}, {@code medium}, {@code low})
 */
public record ServiceLevel(String riskLevel, int assessmentHours, int casePlanHours) {

    public Instant assessmentDue(Instant registeredAt) {
        return registeredAt.plus(Duration.ofHours(assessmentHours));
    }

    public Instant casePlanDue(Instant registeredAt) {
        return registeredAt.plus(Duration.ofHours(casePlanHours));
    }
}

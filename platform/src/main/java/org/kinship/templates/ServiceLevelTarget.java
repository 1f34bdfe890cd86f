package org.kinship.templates;

/**
 * How soon a child of a risk level must be assessed and have a case plan, in hours from registration.
 *
 * @param riskLevel       a code of the {@code risk_levels} lookup ({@code high}, {@code medium}, {@code low})
 * @param assessmentHours hours until the assessment is due
 * @param casePlanHours   hours until the case plan is due
 */
public record ServiceLevelTarget(String riskLevel, int assessmentHours, int casePlanHours) {
}

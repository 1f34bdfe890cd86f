package org.kinship.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings of the matching engine (bound under {@code kinship.tracing.matching}). The m/u
 * probabilities themselves are a {@link MatchWeights} value an administrator tunes; these settings override
 * its thresholds until weights are stored per deployment.
 *
 * @param likelyThreshold       score in bits from which a pair is likely ({@code KINSHIP_TRACING_MATCHING_LIKELYTHRESHOLD})
 * @param possibleThreshold     score in bits from which a pair is possible ({@code KINSHIP_TRACING_MATCHING_POSSIBLETHRESHOLD})
 * @param knownAgeTolerance     years either side of a known age
 * @param estimatedAgeTolerance years either side of an estimated age (at least 15% of the age)
 * @param candidatePool         how many candidates the index retrieves cheaply before they are scored
 */
@ConfigurationProperties("kinship.tracing.matching")
public record MatchingSettings(
        @DefaultValue("28") double likelyThreshold,
        @DefaultValue("12") double possibleThreshold,
        @DefaultValue("0.5") double knownAgeTolerance,
        @DefaultValue("2") double estimatedAgeTolerance,
        @DefaultValue("200") int candidatePool) {

    public static MatchingSettings defaults() {
        return new MatchingSettings(28, 12, 0.5, 2, 200);
    }

    /** The default weights with these thresholds. */
    public MatchWeights weights() {
        return MatchWeights.defaults().withThresholds(likelyThreshold, possibleThreshold);
    }
}

package org.kinship.tracing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The weights and thresholds in use, with the version an update must name (0: the shipped defaults, never
 * changed) and who changed them last.
 */
public record MatchingSettingsVersion(MatchWeights weights, long version, @Nullable String updatedBy,
        @Nullable Instant updatedAt) {
}

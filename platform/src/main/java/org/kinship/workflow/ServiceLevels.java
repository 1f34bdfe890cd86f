package org.kinship.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The service-level targets of this installation, one per risk level: an aggregate with a version, edited by
 * administrators ({@code workflow:manage}) or replaced when a template package is applied.
 */
public record ServiceLevels(List<ServiceLevel> targets, long version, @Nullable Instant updatedAt,
        @Nullable String updatedBy) {

    public ServiceLevels {
        targets = List.copyOf(targets);
    }

    public Optional<ServiceLevel> forRisk(String riskLevel) {
        return targets.stream().filter(t -> t.riskLevel().equals(riskLevel)).findFirst();
    }
}

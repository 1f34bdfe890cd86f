package org.kinship.workflow.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevels;
import org.kinship.workflow.TargetOverride;

/**
 * How a child's due dates follow from the registration time, the risk level's targets and the child's own
 * override. A risk level without a target (e.g. not assessed yet, {@code none}) gets the least urgent target;
 * an installation without any targets gets the standard package's ({@link #STANDARD}).
 */
final class DueDateRules {

    static final List<ServiceLevel> STANDARD = List.of(new ServiceLevel("high", 24, 72),
            new ServiceLevel("medium", 72, 336), new ServiceLevel("low", 168, 720));

    private DueDateRules() {
    }

    static ServiceLevel targetFor(ServiceLevels levels, String riskLevel) {
        List<ServiceLevel> targets = levels.targets().isEmpty() ? STANDARD : levels.targets();
        return targets.stream().filter(t -> t.riskLevel().equals(riskLevel)).findFirst()
                .orElseGet(() -> targets.stream().max(Comparator.comparingInt(ServiceLevel::assessmentHours))
                        .orElseThrow());
    }

    static Instant assessmentDue(Instant registeredAt, ServiceLevel target, @Nullable TargetOverride override) {
        int hours = override != null && override.assessmentHours() != null ? override.assessmentHours()
                : target.assessmentHours();
        return registeredAt.plusSeconds(hours * 3600L);
    }

    static Instant casePlanDue(Instant registeredAt, ServiceLevel target, @Nullable TargetOverride override) {
        int hours = override != null && override.casePlanHours() != null ? override.casePlanHours()
                : target.casePlanHours();
        return registeredAt.plusSeconds(hours * 3600L);
    }
}

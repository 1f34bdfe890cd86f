package org.kinship.tracing;

import java.time.Clock;
import java.util.Map;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.shared.StaleVersionException;
import org.kinship.tracing.internal.MongoMatchingSettingsRepository;
import org.springframework.stereotype.Service;

/**
 * The weights and thresholds administrators tune ({@code matching:view} / {@code matching:manage} everywhere).
 * Stored weights replace the deployment defaults ({@link MatchingSettings}) at start and at once when changed;
 * changes are audited with the thresholds (not every probability).
 */
@Service
public class MatchingSettingsService {

    private final MongoMatchingSettingsRepository repository;
    private final MatchingService matching;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Clock clock;

    MatchingSettingsService(MongoMatchingSettingsRepository repository, MatchingService matching,
            PermissionService permissions, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.matching = matching;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
        repository.find().ifPresent(stored -> matching.useWeights(stored.weights()));
    }

    public MatchingSettingsVersion current(KinshipUser user) {
        permissions.requireEverywhere(user, Resource.MATCHING, Action.VIEW, null);
        return repository.find().orElseGet(() -> new MatchingSettingsVersion(matching.weights(), 0, null, null));
    }

    /**
     * Replaces the weights and thresholds; levels the new weights leave out take the defaults.
     *
     * @throws StaleVersionException when the stored version is no longer {@code expectedVersion}
     * @throws TracingRefusedException when the thresholds are not in order
     */
    public MatchingSettingsVersion update(KinshipUser user, MatchWeights given, long expectedVersion) {
        permissions.requireEverywhere(user, Resource.MATCHING, Action.MANAGE, null);
        // a level left out weighs as the default does, as it will when read back
        MatchWeights weights = given.completedWith(MatchWeights.defaults());
        long stored = repository.find().map(MatchingSettingsVersion::version).orElse(0L);
        if (stored != expectedVersion) {
            throw new StaleVersionException("matching settings", "weights", expectedVersion);
        }
        MatchingSettingsVersion next = new MatchingSettingsVersion(weights, expectedVersion + 1, user.id(),
                clock.instant());
        repository.save(next);
        matching.useWeights(weights);
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "matching_settings", "weights",
                AuditOutcome.SUCCESS, Map.of("likelyThreshold", String.valueOf(weights.likelyThreshold()),
                        "possibleThreshold", String.valueOf(weights.possibleThreshold()),
                        "version", String.valueOf(next.version())));
        return next;
    }
}

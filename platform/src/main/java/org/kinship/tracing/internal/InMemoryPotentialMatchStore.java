package org.kinship.tracing.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.shared.StaleVersionException;
import org.kinship.tracing.PotentialMatch;
import org.kinship.tracing.PotentialMatchStore;

/** A store in memory, for tests and tools; the same optimistic locking as the MongoDB one. */
public final class InMemoryPotentialMatchStore implements PotentialMatchStore {

    private final Map<String, PotentialMatch> matches = new ConcurrentHashMap<>();

    @Override
    public Optional<PotentialMatch> find(String oneId, String otherId) {
        return Optional.ofNullable(matches.get(PotentialMatch.pairKey(oneId, otherId)));
    }

    @Override
    public List<PotentialMatch> findByProfile(String profileId) {
        return matches.values().stream()
                .filter(m -> m.leftId().equals(profileId) || m.rightId().equals(profileId))
                .sorted(java.util.Comparator.comparing(PotentialMatch::pairKey)).toList();
    }

    @Override
    public List<PotentialMatch> findByState(org.kinship.tracing.ReviewState state, int limit) {
        return matches.values().stream().filter(m -> m.state() == state)
                .sorted(java.util.Comparator.comparingDouble(PotentialMatch::score).reversed()
                        .thenComparing((PotentialMatch m) -> m.pairKey()))
                .limit(limit).toList();
    }

    @Override
    public PotentialMatch save(PotentialMatch match) {
        PotentialMatch saved = match.withVersion(match.version() + 1);
        PotentialMatch result = matches.compute(match.pairKey(), (key, stored) -> {
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != match.version()) {
                throw new StaleVersionException("PotentialMatch", key, match.version());
            }
            return saved;
        });
        return result;
    }
}

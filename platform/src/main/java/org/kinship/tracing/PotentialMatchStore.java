package org.kinship.tracing;

import java.util.List;
import java.util.Optional;

/** Where potential matches and their reviews are kept. */
public interface PotentialMatchStore {

    /** The pair, in either order. */
    Optional<PotentialMatch> find(String oneId, String otherId);

    /** Every pair the profile is part of. */
    List<PotentialMatch> findByProfile(String profileId);

    /** Pairs in the given review state, highest score first, at most {@code limit}. */
    List<PotentialMatch> findByState(ReviewState state, int limit);

    /**
     * Inserts a pair (version 0) or updates it when the stored version is the given one; returns it with its
     * new version.
     *
     * @throws org.kinship.shared.StaleVersionException when someone else changed or inserted it first
     */
    PotentialMatch save(PotentialMatch match);
}

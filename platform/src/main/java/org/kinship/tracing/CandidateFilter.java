package org.kinship.tracing;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which records the user asking may see as candidates: the hook record scopes plug into. The index applies
 * the agency and owner sets itself, before ranking (cheap, and the candidate pool is never filled with
 * records the user cannot see); the predicate is applied afterwards to the profiles retrieved, for rules
 * the sets cannot express.
 *
 * @param agencyCodes records of these agencies are visible; empty means no restriction by agency
 * @param ownerIds    records owned by these users are visible; empty means no restriction by owner
 * @param predicate   a further test on each candidate profile
 */
public record CandidateFilter(Set<String> agencyCodes, Set<String> ownerIds, Predicate<PersonProfile> predicate) {

    public CandidateFilter {
        agencyCodes = Set.copyOf(agencyCodes);
        ownerIds = Set.copyOf(ownerIds);
    }

    /** No restriction: for administrators and for the system's own re-matching. */
    public static CandidateFilter unrestricted() {
        return new CandidateFilter(Set.of(), Set.of(), profile -> true);
    }

    /** Records of the given agencies only (agency scope). */
    public static CandidateFilter agencies(String... agencyCodes) {
        return new CandidateFilter(Set.of(agencyCodes), Set.of(), profile -> true);
    }

    /** Records owned by the given users only (own or group scope). */
    public static CandidateFilter owners(String... ownerIds) {
        return new CandidateFilter(Set.of(), Set.of(ownerIds), profile -> true);
    }

    /** This filter, further restricted by the predicate. */
    public CandidateFilter and(Predicate<PersonProfile> more) {
        return new CandidateFilter(agencyCodes, ownerIds, predicate.and(more));
    }

    /**
     * Whether a profile passes the filter: when agencies or owners are given, its agency or its owner must
     * be among them (either suffices: a user sees their agency's records and their own), and the predicate
     * must hold.
     */
    public boolean allows(PersonProfile profile) {
        boolean scoped = agencyCodes.isEmpty() && ownerIds.isEmpty()
                || agencyCodes.contains(profile.agencyCode()) || ownerIds.contains(profile.ownerId());
        return scoped && predicate.test(profile);
    }
}

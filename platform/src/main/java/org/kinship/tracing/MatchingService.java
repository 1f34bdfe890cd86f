package org.kinship.tracing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kinship.tracing.internal.MatchingIndex;
import org.springframework.stereotype.Service;

/**
 * The matching engine's entry point. Case files and tracing requests call {@link #profileSaved} with their
 * {@link PersonProfile} projection whenever they are saved (and {@link #profileRemoved} when deleted or
 * closed for tracing); the tracing views call the finders with the user's {@link CandidateFilter}.
 * Pairs a caseworker rejected never come back from any finder.
 */
@Service
public class MatchingService {

    private static final int REMATCH_LIMIT = 20;

    private final MatchingIndex index;
    private final PotentialMatchStore store;
    private final Clock clock;

    public MatchingService(MatchingIndex index, PotentialMatchStore store, Clock clock) {
        this.index = index;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Indexes the new version of a profile: the next search sees it; a background commit makes it durable within
     * about a second (ADR 0023), and after a crash the records are indexed again at start.
     */
    public void profileSaved(PersonProfile profile) {
        index.put(profile);
    }

    public void profileRemoved(String profileId) {
        index.remove(profileId);
    }

    /** Tracing: consenting profiles of the other kind that may be the same child, best first. */
    public List<MatchCandidate> findMatches(PersonProfile profile, CandidateFilter filter, int limit) {
        Set<String> rejected = rejected(profile);
        return withoutRejected(rejected, index.findMatches(profile, filter, limit + rejected.size()), limit);
    }

    /** Data quality: profiles of the same kind that may be the same child registered twice, best first. */
    public List<MatchCandidate> findDuplicates(PersonProfile profile, CandidateFilter filter, int limit) {
        Set<String> rejected = rejected(profile);
        return withoutRejected(rejected, index.findDuplicates(profile, filter, limit + rejected.size()), limit);
    }

    /** Name search that finds "Moustapha" for "مصطفى" and "Mustafa". */
    public List<NameMatch> searchByName(String name, CandidateFilter filter, int limit) {
        return index.searchByName(name, filter, limit);
    }

    /**
     * Re-matching after a save: records every likely or possible counterpart as a new potential match (or
     * refreshes the score of a pair still new); reviewed pairs are left as they are. Returns the pairs of
     * the profile still waiting for review.
     */
    public List<PotentialMatch> rematch(PersonProfile profile) {
        profileSaved(profile);
        for (MatchCandidate candidate : findMatches(profile, CandidateFilter.unrestricted(), REMATCH_LIMIT)) {
            if (candidate.label() != MatchLabel.UNLIKELY) {
                PotentialMatch match = store.find(profile.id(), candidate.profileId())
                        .map(found -> found.rescored(candidate.score(), candidate.label()))
                        .orElseGet(() -> PotentialMatch.detected(profile.id(), candidate.profileId(),
                                candidate.score(), candidate.label(), clock.instant()));
                store.save(match);
            }
        }
        return store.findByProfile(profile.id()).stream().filter(m -> m.state() == ReviewState.NEW).toList();
    }

    /** The pairs of a profile whose other side the filter allows. */
    public List<PotentialMatch> potentialMatches(String profileId, CandidateFilter filter) {
        return store.findByProfile(profileId).stream()
                .filter(m -> index.profile(m.otherThan(profileId)).filter(filter::allows).isPresent())
                .toList();
    }

    /**
     * Confirms the pair: the same child. A pair the engine has not stored yet (found by a user's search between
     * two re-matchings) is stored with its current score first.
     */
    public PotentialMatch confirm(String oneId, String otherId, String by, String comment) {
        return store.save(pairOrDetected(oneId, otherId).confirm(by, clock.instant(), comment));
    }

    /** The profile as indexed. */
    public Optional<PersonProfile> profile(String profileId) {
        return index.profile(profileId);
    }

    /** The stored pair, if any. */
    public Optional<PotentialMatch> storedPair(String oneId, String otherId) {
        return store.find(oneId, otherId);
    }

    /** Pairs in a review state, highest score first. */
    public List<PotentialMatch> pairsInState(ReviewState state, int limit) {
        return store.findByState(state, limit);
    }

    /** Stores a pair found by a scan (same-kind duplicates) unless it is already known. */
    public void recordDetected(String oneId, String otherId, double score, MatchLabel label) {
        if (store.find(oneId, otherId).isEmpty()) {
            store.save(PotentialMatch.detected(oneId, otherId, score, label, clock.instant()));
        }
    }

    /** Scores one pair of indexed profiles as the engine would, with the current weights. */
    public Optional<MatchCandidate> score(String searchedId, String candidateId) {
        Optional<PersonProfile> searched = index.profile(searchedId);
        Optional<PersonProfile> candidate = index.profile(candidateId);
        if (searched.isEmpty() || candidate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(index.score(searched.get(), candidate.get()));
    }

    /** The weights and thresholds in use. */
    public MatchWeights weights() {
        return index.weights();
    }

    /** Scores with other weights and thresholds from now on (stored pairs keep their scores until re-matched). */
    public void useWeights(MatchWeights weights) {
        index.useWeights(weights);
    }

    public int indexedProfiles() {
        return index.size();
    }

    /** Indexes many profiles without committing each one (bulk re-matching); call {@link #commit} after. */
    public void index(PersonProfile profile) {
        index.put(profile);
    }

    public void commit() {
        index.commit();
    }

    /** False when the last run stopped without closing the index (a crash): saves since its last commit may be lost. */
    public boolean indexClosedCleanly() {
        return index.closedCleanly();
    }

    /**
     * Removes the indexed sought-child profiles of a tracing request that are not {@code current} (children removed
     * from the request while their removal was not yet durable in the index).
     */
    public void retainRequestProfiles(String requestId, java.util.Set<String> current) {
        for (String id : index.idsStartingWith(TracingRequest.soughtChildProfileId(requestId, ""))) {
            if (!current.contains(id)) {
                index.remove(id);
            }
        }
    }

    /** Every stored pair the profile is part of, whatever its state. */
    public List<PotentialMatch> pairsOf(String profileId) {
        return store.findByProfile(profileId);
    }

    /**
     * Gives the pair ({@code toId}, other) the review of {@code reviewed}, a pair of {@code fromId}: the reviews of
     * a duplicate merged into another case follow the case that stays. A pair already reviewed keeps its own review.
     *
     * @return whether the review was carried over
     */
    public boolean carryReview(PotentialMatch reviewed, String fromId, String toId) {
        PotentialMatch.Review review = reviewed.review();
        String other = reviewed.otherThan(fromId);
        if (review == null || other.equals(toId)) {
            return false;
        }
        Optional<PotentialMatch> existing = store.find(toId, other);
        if (existing.filter(m -> m.state() != ReviewState.NEW).isPresent()) {
            return false;
        }
        PotentialMatch pair = existing.orElseGet(() -> PotentialMatch.detected(toId, other, reviewed.score(),
                reviewed.label(), clock.instant()));
        store.save(reviewed.state() == ReviewState.CONFIRMED
                ? pair.confirm(review.by(), review.at(), review.comment())
                : pair.reject(review.by(), review.at(), review.comment()));
        return true;
    }

    /** Rejects the pair for good: no finder returns it again. */
    public PotentialMatch reject(String oneId, String otherId, String by, String comment) {
        PotentialMatch match = store.find(oneId, otherId)
                .orElseGet(() -> PotentialMatch.detected(oneId, otherId, 0, MatchLabel.UNLIKELY, clock.instant()));
        return store.save(match.reject(by, clock.instant(), comment));
    }

    private PotentialMatch pairOrDetected(String oneId, String otherId) {
        return store.find(oneId, otherId).orElseGet(() -> {
            MatchCandidate scored = score(oneId, otherId).orElseThrow(() -> new IllegalArgumentException(
                    "No potential match " + PotentialMatch.pairKey(oneId, otherId)));
            return store.save(PotentialMatch.detected(oneId, otherId, scored.score(), scored.label(), clock.instant()));
        });
    }

    /** The profiles a reviewer said are not this child: one query for the profile's pairs, not one per candidate. */
    private Set<String> rejected(PersonProfile profile) {
        return store.findByProfile(profile.id()).stream().filter(m -> m.state() == ReviewState.REJECTED)
                .map(m -> m.otherThan(profile.id())).collect(Collectors.toSet());
    }

    private static List<MatchCandidate> withoutRejected(Set<String> rejected, List<MatchCandidate> candidates,
            int limit) {
        return candidates.stream().filter(candidate -> !rejected.contains(candidate.profileId())).limit(limit)
                .toList();
    }
}

package org.kinship.tracing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A candidate as a reviewer sees it: who it is (record and readable number), how well it matches (score,
 * label, one comparison per field) and where the review stands.
 *
 * @param matchId            the potential match's reference for confirming or rejecting it
 * @param searchedProfileId  the profile the candidates were looked for (a case, or a sought child)
 * @param candidateProfileId the candidate's profile id
 * @param candidateKind      a case or a sought child of a tracing request
 * @param recordId           the candidate's case or tracing request id
 * @param recordNumber       its readable number
 * @param names              the candidate's names as written
 * @param state              {@link ReviewState#NEW} also for a pair not stored yet
 * @param review             the confirmation, when confirmed
 */
public record CandidateView(String matchId, String searchedProfileId, String candidateProfileId,
        ProfileKind candidateKind, String recordId, String recordNumber, List<String> names, double score,
        MatchLabel label, ReviewState state, List<FieldComparison> comparisons, PotentialMatch.@Nullable Review review) {

    public CandidateView {
        names = List.copyOf(names);
        comparisons = List.copyOf(comparisons);
    }
}

package org.kinship.tracing;

import java.util.List;

/**
 * A profile that may be the same child as the searched one.
 *
 * @param profileId   the candidate's case file or tracing request id
 * @param kind        the candidate's kind
 * @param score       the log-likelihood ratio in bits (log2 of m/u summed over fields)
 * @param label       the verdict from the administrator's thresholds
 * @param comparisons the evidence, one per field
 */
public record MatchCandidate(String profileId, ProfileKind kind, double score, MatchLabel label,
                             List<FieldComparison> comparisons) {

    public MatchCandidate {
        comparisons = List.copyOf(comparisons);
    }
}

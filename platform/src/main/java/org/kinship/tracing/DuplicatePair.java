package org.kinship.tracing;

import java.util.Map;

/**
 * Two cases the duplicate scan found alike, as an administrator reviews them: case numbers and how each field
 * agrees, without the values (administrators do not read case files).
 */
public record DuplicatePair(String matchId, String leftCaseId, String leftCaseNumber, String rightCaseId,
        String rightCaseNumber, double score, MatchLabel label, Map<MatchField, Agreement> agreements) {

    public DuplicatePair {
        agreements = Map.copyOf(agreements);
    }
}

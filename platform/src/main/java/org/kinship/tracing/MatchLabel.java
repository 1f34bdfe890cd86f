package org.kinship.tracing;

/**
 * The verdict on a pair, from absolute thresholds on the log-likelihood score: the same pair gets the same
 * label whatever else is in the index.
 */
public enum MatchLabel {
    LIKELY,
    POSSIBLE,
    UNLIKELY
}

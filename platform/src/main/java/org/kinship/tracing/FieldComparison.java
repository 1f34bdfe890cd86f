package org.kinship.tracing;

/**
 * The comparison of one field of two profiles, shown to the reviewer beside the score.
 *
 * @param field     the field
 * @param agreement how well it agrees
 * @param weight    the log-likelihood weight (bits) this agreement adds to the score
 * @param left      the value on the searched profile's side, as compared
 * @param right     the value on the candidate's side, as compared
 */
public record FieldComparison(MatchField field, Agreement agreement, double weight, String left, String right) {
}

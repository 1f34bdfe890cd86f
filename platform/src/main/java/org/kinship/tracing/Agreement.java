package org.kinship.tracing;

/**
 * How well one field of two profiles agrees, from full agreement down to disagreement. {@link #MISSING}
 * means one side does not know and weighs nothing.
 */
public enum Agreement {
    AGREE,
    PARTIAL,
    WEAK,
    DISAGREE,
    MISSING
}

package org.kinship.tracing;

/**
 * How well one field of two profiles agrees, from full agreement down to disagreement. {@link #MISSING}
 * means one side does not know and weighs nothing. {@link #FULL} is used by names only: every name part of both
 * sides agrees.
 */
public enum Agreement {
    FULL,
    AGREE,
    PARTIAL,
    WEAK,
    DISAGREE,
    MISSING
}

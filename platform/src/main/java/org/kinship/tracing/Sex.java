package org.kinship.tracing;

/** Sex as recorded; {@link #UNKNOWN} carries no evidence either way. */
public enum Sex {
    FEMALE,
    MALE,
    UNKNOWN
}

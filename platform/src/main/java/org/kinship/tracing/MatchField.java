package org.kinship.tracing;

/** The pieces of evidence the matching engine compares, each with its own weights. */
public enum MatchField {
    NAME,
    SEX,
    AGE,
    DATE_OF_BIRTH,
    PLACE,
    FAMILY,
    /** When the child was separated from its family (ADR 0029). */
    SEPARATION_DATE
}

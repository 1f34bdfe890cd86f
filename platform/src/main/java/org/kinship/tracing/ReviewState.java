package org.kinship.tracing;

/** Where a potential match stands in a caseworker's review. */
public enum ReviewState {
    NEW,
    CONFIRMED,
    REJECTED
}

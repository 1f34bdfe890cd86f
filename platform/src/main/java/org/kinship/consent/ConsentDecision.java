package org.kinship.consent;

/** The answer for one purpose; {@link #NOT_ASKED} denies like a refusal until someone asks. */
public enum ConsentDecision {
    GIVEN, REFUSED, NOT_ASKED
}

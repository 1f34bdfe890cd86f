package org.kinship.tracing.internal;

/**
 * How common name parts are among the indexed profiles, by consonant skeleton ({@link NameKeys#skeleton}): the
 * u-probability of an agreeing name part in frequency-based matching (ADR 0024). Read from the index's term
 * statistics, one look-up per distinct skeleton and query.
 */
public interface NameFrequencies {

    /** No frequencies known: every name agreement weighs its level only. */
    NameFrequencies NONE = new NameFrequencies() {
        @Override
        public double share(String skeleton) {
            return 0;
        }

        @Override
        public double reference() {
            return 0;
        }
    };

    /** The share (0 to 1) of indexed profiles carrying a name part with this skeleton; 0 when unknown. */
    double share(String skeleton);

    /**
     * The share of profiles carrying a typical agreeing name part: the mean share of a name part drawn from all
     * indexed name parts (sum of squared carrier counts over the sum of carrier counts, over the profile count).
     * An agreeing part this common weighs exactly its agreement level.
     */
    double reference();
}

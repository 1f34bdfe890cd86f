package org.kinship.tracing.internal;

import java.util.Optional;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;

/**
 * Compares when the two children were born, from ages or dates, with a tolerance that grows when an age is
 * estimated: agree within a year (half a year when both are known exactly), partly agree within the sum of
 * both tolerances, weakly agree within half as much again (a guess three years off is common, a child six years
 * off is another child), disagree beyond.
 */
public final class AgeComparator {

    /** How far beyond the sum of both tolerances, as a multiple of it, ages still weakly agree. */
    static final double WEAK_BEYOND = 1.5;

    private final double knownAgeTolerance;
    private final double estimatedAgeTolerance;

    public AgeComparator(double knownAgeTolerance, double estimatedAgeTolerance) {
        this.knownAgeTolerance = knownAgeTolerance;
        this.estimatedAgeTolerance = estimatedAgeTolerance;
    }

    public Evidence compare(PersonProfile left, PersonProfile right) {
        Optional<BirthEstimate> a = BirthEstimate.of(left, knownAgeTolerance, estimatedAgeTolerance);
        Optional<BirthEstimate> b = BirthEstimate.of(right, knownAgeTolerance, estimatedAgeTolerance);
        String l = a.map(BirthEstimate::describe).orElse("");
        String r = b.map(BirthEstimate::describe).orElse("");
        if (a.isEmpty() || b.isEmpty()) {
            return Evidence.missing(MatchField.AGE, l, r);
        }
        double difference = Math.abs(a.get().centre() - b.get().centre());
        double tolerance = a.get().tolerance() + b.get().tolerance();
        Agreement agreement;
        if (difference <= Math.min(1, tolerance / 2)) {
            agreement = Agreement.AGREE;
        } else if (difference <= tolerance) {
            agreement = Agreement.PARTIAL;
        } else if (difference <= tolerance * WEAK_BEYOND) {
            agreement = Agreement.WEAK;
        } else {
            agreement = Agreement.DISAGREE;
        }
        return new Evidence(MatchField.AGE, agreement, l, r);
    }
}

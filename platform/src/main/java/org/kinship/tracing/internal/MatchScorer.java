package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.List;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.FieldComparison;
import org.kinship.tracing.MatchCandidate;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.PersonProfile;

/**
 * Weighs the evidence of every field (log2 of m/u for the agreement level found) and sums it into one
 * score, labelled by the absolute thresholds of {@link MatchWeights}. The date of birth is compared when
 * both sides have one; otherwise ages (and dates) are compared as birth estimates, so the same evidence
 * is never counted twice. The name's weight adds, for every well-agreeing name part, the bits its frequency
 * among the indexed profiles gives ({@link MatchWeights.NameFrequency}, ADR 0024), and for every part beyond two
 * the bits of a further part (ADR 0032).
 */
public final class MatchScorer {

    private final MatchWeights weights;
    private final NameComparator names = new NameComparator();
    private final SexComparator sex = new SexComparator();
    private final DateOfBirthComparator dateOfBirth = new DateOfBirthComparator();
    private final AgeComparator age;
    private final PlaceComparator places;
    private final FamilyComparator family = new FamilyComparator();
    private final SeparationDateComparator separation = new SeparationDateComparator();

    public MatchScorer(MatchWeights weights, AgeComparator age, PlaceAliases aliases) {
        this.weights = weights;
        this.age = age;
        this.places = new PlaceComparator(aliases);
    }

    /** Scores without name frequencies (every name agreement weighs its level). */
    public MatchCandidate score(PersonProfile searched, PersonProfile candidate) {
        return score(searched, candidate, NameFrequencies.NONE);
    }

    /** Scores with the frequencies of name parts among the indexed profiles. */
    public MatchCandidate score(PersonProfile searched, PersonProfile candidate, NameFrequencies frequencies) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(names.compare(searched, candidate));
        evidence.add(sex.compare(searched, candidate));
        Evidence dob = dateOfBirth.compare(searched, candidate);
        evidence.add(dob);
        evidence.add(dob.agreement() == Agreement.MISSING
                ? age.compare(searched, candidate)
                : Evidence.missing(MatchField.AGE, "", ""));
        evidence.add(places.compare(searched, candidate));
        evidence.add(family.compare(searched, candidate));
        evidence.add(separation.compare(searched, candidate));
        double score = 0;
        List<FieldComparison> comparisons = new ArrayList<>();
        for (Evidence e : evidence) {
            double weight = weights.weight(e.field(), e.agreement()) + frequencyBits(e, frequencies)
                    + weights.nameFrequency().furtherParts(e.agreeingParts().size());
            score += weight;
            comparisons.add(new FieldComparison(e.field(), e.agreement(), weight, e.left(), e.right()));
        }
        return new MatchCandidate(candidate.id(), candidate.kind(), score, weights.label(score), comparisons);
    }

    /**
     * What the frequency of the agreeing name parts adds to the name's level: each part weighs by the commoner of
     * its two spellings (a typo on one side does not make a common name rare).
     */
    private double frequencyBits(Evidence evidence, NameFrequencies frequencies) {
        if (evidence.agreeingParts().isEmpty() || frequencies == NameFrequencies.NONE) {
            return 0;
        }
        double reference = frequencies.reference();
        double bits = 0;
        for (Evidence.AgreeingPart part : evidence.agreeingParts()) {
            double share = Math.max(frequencies.share(part.left()), frequencies.share(part.right()));
            bits += weights.nameFrequency().bits(share, reference);
        }
        return bits;
    }

    /** The same comparators with other weights and thresholds. */
    public MatchScorer withWeights(MatchWeights other) {
        return new MatchScorer(other, age, places);
    }

    private MatchScorer(MatchWeights weights, AgeComparator age, PlaceComparator places) {
        this.weights = weights;
        this.age = age;
        this.places = places;
    }

    public MatchWeights weights() {
        return weights;
    }
}

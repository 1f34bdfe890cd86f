package org.kinship.tracing;

import java.util.EnumMap;
import java.util.Map;

/**
 * The tunable scoring model (Fellegi-Sunter): for each field and agreement level, the probability {@code m}
 * of seeing that agreement when the two profiles are the same child and {@code u} when they are not. A level
 * adds {@code log2(m / u)} bits to the score; {@link Agreement#MISSING} adds nothing. A pair is
 * {@link MatchLabel#LIKELY} at or above {@code likelyThreshold} bits and {@link MatchLabel#POSSIBLE} at or
 * above {@code possibleThreshold}: absolute thresholds, so a label never depends on the other records.
 * <p>
 * Agreeing name parts are also weighed by how common they are ({@link NameFrequency}, ADR 0024): agreeing on a
 * rare name part is stronger evidence than agreeing on "Mohamed"; and by their number (ADR 0032): the name levels
 * weigh two agreeing parts, each further one adds bits.
 *
 * @param probabilities     m and u per field and level (levels absent for a field never occur for it)
 * @param likelyThreshold   bits from which a pair is likely
 * @param possibleThreshold bits from which a pair is possible
 * @param nameFrequency     how much the frequency and the number of agreeing name parts move the name weight
 */
public record MatchWeights(Map<MatchField, Map<Agreement, Probabilities>> probabilities, double likelyThreshold,
                           double possibleThreshold, NameFrequency nameFrequency) {

    /**
     * How agreeing name parts weigh beyond their level. Frequency (Winkler, ADR 0024): each name part that agrees well
     * adds {@code strength * min(limit, log2(reference / share))} bits to the name level's weight, where
     * {@code share} is the share of indexed profiles carrying the part (the commoner spelling of the two, read from
     * the index) and {@code reference} the share of a typical agreeing part, also read from the index. A common
     * part therefore subtracts bits, a rare one adds up to {@code limit} bits. Number (ADR 0032): the name levels
     * weigh two agreeing parts, and each further part that agrees well adds {@code furtherPart} bits: three names
     * agreeing ("Salma Ismail Babiker") are much rarer by chance than two.
     *
     * @param strength    0 to 1: the part of the frequency adjustment applied (0 weighs every name agreement by its
     *                    level only)
     * @param limit       the most bits one rare name part adds (at least 0)
     * @param furtherPart the bits each agreeing name part beyond the second adds (0 to 64; weights stored before
     *                    ADR 0032 read 0, their name levels having been estimated on names of any number of parts)
     */
    public record NameFrequency(double strength, double limit, double furtherPart) {
        public NameFrequency {
            if (!(strength >= 0 && strength <= 1 && limit >= 0 && limit <= 64 && furtherPart >= 0
                    && furtherPart <= 64)) {
                throw new IllegalArgumentException("The name frequency strength must be between 0 and 1, its limit "
                        + "and the bits of a further name part between 0 and 64: " + strength + ", " + limit + ", "
                        + furtherPart);
            }
        }

        /** The defaults of ADR 0024 and ADR 0032. */
        public static NameFrequency defaults() {
            return new NameFrequency(1, 8, FURTHER_PART_BITS);
        }

        /** No adjustment: every name agreement weighs its level, whatever its parts. */
        public static NameFrequency off() {
            return new NameFrequency(0, 0, 0);
        }

        /**
         * The bits one agreeing part adds.
         *
         * @param share     the share of profiles carrying the part (0 to 1)
         * @param reference the share of a typical agreeing part
         */
        public double bits(double share, double reference) {
            if (strength == 0 || !(share > 0) || !(reference > 0)) {
                return 0;
            }
            return strength * Math.min(limit, Math.log(reference / share) / Math.log(2));
        }

        /** The bits a name agreeing in {@code parts} parts adds to its level for the parts beyond two. */
        public double furtherParts(int parts) {
            return Math.max(0, parts - 2) * furtherPart;
        }
    }

    /**
     * The default bits of an agreeing name part beyond the second (ADR 0032): log2(m/u) of names agreeing fully in
     * three parts less that of names agreeing fully in two, on the benchmark population (docs/benchmarks.md).
     */
    static final double FURTHER_PART_BITS = 4.6;

    /** m and u of one agreement level, both strictly between 0 and 1. */
    public record Probabilities(double m, double u) {
        public Probabilities {
            if (!(m > 0 && m < 1 && u > 0 && u < 1)) {
                throw new IllegalArgumentException("m and u must be strictly between 0 and 1: " + m + ", " + u);
            }
        }

        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    /** Weights with the default name frequency adjustment. */
    public MatchWeights(Map<MatchField, Map<Agreement, Probabilities>> probabilities, double likelyThreshold,
            double possibleThreshold) {
        this(probabilities, likelyThreshold, possibleThreshold, NameFrequency.defaults());
    }

    public MatchWeights {
        if (nameFrequency == null) {
            nameFrequency = NameFrequency.defaults();
        }
        if (possibleThreshold > likelyThreshold) {
            throw new IllegalArgumentException("The possible threshold must not exceed the likely threshold");
        }
        EnumMap<MatchField, Map<Agreement, Probabilities>> copy = new EnumMap<>(MatchField.class);
        probabilities.forEach((field, levels) -> copy.put(field, Map.copyOf(levels)));
        probabilities = Map.copyOf(copy);
    }

    /**
     * The weight in bits of an agreement level; 0 for missing evidence or a level without probabilities. A
     * {@link Agreement#FULL} level without probabilities (weights stored before it existed) weighs as
     * {@link Agreement#AGREE}.
     */
    public double weight(MatchField field, Agreement agreement) {
        if (agreement == Agreement.MISSING) {
            return 0;
        }
        Map<Agreement, Probabilities> levels = probabilities.getOrDefault(field, Map.of());
        Probabilities p = levels.get(agreement);
        if (p == null && agreement == Agreement.FULL) {
            p = levels.get(Agreement.AGREE);
        }
        return p == null ? 0 : p.weight();
    }

    public MatchLabel label(double score) {
        if (score >= likelyThreshold) {
            return MatchLabel.LIKELY;
        }
        return score >= possibleThreshold ? MatchLabel.POSSIBLE : MatchLabel.UNLIKELY;
    }

    /** A copy with one level's probabilities changed. */
    public MatchWeights with(MatchField field, Agreement agreement, double m, double u) {
        EnumMap<MatchField, Map<Agreement, Probabilities>> copy = new EnumMap<>(probabilities);
        EnumMap<Agreement, Probabilities> levels = new EnumMap<>(Agreement.class);
        levels.putAll(copy.getOrDefault(field, Map.of()));
        levels.put(agreement, new Probabilities(m, u));
        copy.put(field, levels);
        return new MatchWeights(copy, likelyThreshold, possibleThreshold, nameFrequency);
    }

    /**
     * These weights with every field and level they lack taken from {@code defaults}: weights stored before a field
     * or a level existed (the separation date, ADR 0029; weak family and age levels, ADR 0026-0028) weigh that
     * evidence as the defaults do instead of as nothing.
     */
    public MatchWeights completedWith(MatchWeights defaults) {
        EnumMap<MatchField, Map<Agreement, Probabilities>> copy = new EnumMap<>(MatchField.class);
        copy.putAll(probabilities);
        defaults.probabilities().forEach((field, levels) -> {
            EnumMap<Agreement, Probabilities> merged = new EnumMap<>(Agreement.class);
            merged.putAll(levels);
            merged.putAll(probabilities.getOrDefault(field, Map.of()));
            copy.put(field, merged);
        });
        return new MatchWeights(copy, likelyThreshold, possibleThreshold, nameFrequency);
    }

    public MatchWeights withThresholds(double likely, double possible) {
        return new MatchWeights(probabilities, likely, possible, nameFrequency);
    }

    public MatchWeights withNameFrequency(NameFrequency frequency) {
        return new MatchWeights(probabilities, likelyThreshold, possibleThreshold, frequency);
    }

    /**
     * Defaults estimated on the synthetic benchmark population (docs/benchmarks.md, "calibration"): m from
     * 5,000 true pairs, u from 300,000 random pairs, both given that the field is known on both sides (the name's
     * full and agree levels re-estimated when the full level was added, ADR 0024, the agree and partial levels when
     * a conflicting part left "agree" for "partial", ADR 0031, from 20,000 and 1,000,000; the full level on names
     * agreeing in two parts, further parts weighing {@link #FURTHER_PART_BITS} each, and the places, whose cases
     * record the place of separation since ADR 0031, ADR 0032, from 50,000 and 15,000,000; family members re-estimated
     * when they were compared by relationship, ADR 0026); u of an exact date of birth
     * is the chance of two random birthdays among 18 years (the sample saw too few). A deployment should
     * re-estimate them on its reviewed pairs. Thresholds (ADR 0024): 2^28 (about 270 million to one) keeps
     * "likely" above 99% precision at 100,000 profiles on the benchmark, which leaves room for the ten times more
     * unrelated candidates of a million; "possible" from 2^12.
     */
    public static MatchWeights defaults() {
        Map<MatchField, Map<Agreement, Probabilities>> p = new EnumMap<>(MatchField.class);
        Map<Agreement, Probabilities> name = new EnumMap<>(levels(0.0856, 0.000378, 0.0421, 0.0022, 0.0056, 0.0823,
                0.0002, 0.915));
        // two parts agreeing in both names (three parts: FURTHER_PART_BITS more)
        name.put(Agreement.FULL, new Probabilities(0.3919, 0.000121));
        p.put(MatchField.NAME, name);
        p.put(MatchField.SEX, Map.of(Agreement.AGREE, new Probabilities(0.958, 0.5),
                Agreement.DISAGREE, new Probabilities(0.042, 0.5)));
        p.put(MatchField.AGE, levels(0.605, 0.115, 0.30, 0.11, 0.078, 0.099, 0.017, 0.676));
        p.put(MatchField.DATE_OF_BIRTH, levels(0.42, 0.00015, 0.51, 0.017, 0, 0, 0.067, 0.983));
        p.put(MatchField.PLACE, levels(0.792, 0.00275, 0.112, 0.0082, 0.0028, 0.0585, 0.0932, 0.9305));
        p.put(MatchField.FAMILY, levels(0.448, 0.00022, 0.497, 0.0091, 0.013, 0.028, 0.042, 0.963));
        p.put(MatchField.SEPARATION_DATE, levels(0.205, 0.0021, 0.533, 0.0284, 0.236, 0.156, 0.0259, 0.8135));
        return new MatchWeights(p, 28, 12);
    }

    private static Map<Agreement, Probabilities> levels(double mAgree, double uAgree, double mPartial,
            double uPartial, double mWeak, double uWeak, double mDisagree, double uDisagree) {
        EnumMap<Agreement, Probabilities> levels = new EnumMap<>(Agreement.class);
        levels.put(Agreement.AGREE, new Probabilities(mAgree, uAgree));
        levels.put(Agreement.PARTIAL, new Probabilities(mPartial, uPartial));
        if (mWeak > 0) {
            levels.put(Agreement.WEAK, new Probabilities(mWeak, uWeak));
        }
        levels.put(Agreement.DISAGREE, new Probabilities(mDisagree, uDisagree));
        return levels;
    }
}

package org.kinship.tracing.benchmark;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.FieldComparison;
import org.kinship.tracing.MatchCandidate;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.internal.Evidence;
import org.kinship.tracing.internal.MatchScorer;
import org.kinship.tracing.internal.NameComparator;

/**
 * Estimates m (agreement frequencies among true pairs) and u (among random pairs) per field and level on
 * the synthetic population, the way an administrator would estimate them on reviewed real pairs.
 */
final class Calibration {

    private final Map<MatchField, Map<Agreement, Integer>> truePairs = new EnumMap<>(MatchField.class);
    private final Map<MatchField, Map<Agreement, Integer>> randomPairs = new EnumMap<>(MatchField.class);
    /** The name's levels by the number of parts that agree well ("FULL / 3"), ADR 0032. */
    private final Map<String, Integer> trueNames = new TreeMap<>();
    private final Map<String, Integer> randomNames = new TreeMap<>();
    private final NameComparator names = new NameComparator();
    private int trueCount;
    private int randomCount;

    static String run(Population population, MatchScorer scorer, int pairs, int randomPairs) {
        Calibration calibration = new Calibration();
        Random random = new Random(7);
        for (int q = 0; q < pairs; q++) {
            PersonProfile request = population.tracingRequest(population.child(q));
            PersonProfile registered = population.registeredCase(population.child(q), true);
            calibration.count(calibration.truePairs, scorer.score(request, registered));
            calibration.countName(calibration.trueNames, request, registered);
            calibration.trueCount++;
        }
        for (int i = 0; i < randomPairs; i++) {
            int a = random.nextInt(1_000_000);
            int b = random.nextInt(1_000_000);
            if (a != b) {
                PersonProfile request = population.tracingRequest(population.child(a));
                PersonProfile registered = population.registeredCase(population.child(b), true);
                calibration.count(calibration.randomPairs, scorer.score(request, registered));
                calibration.countName(calibration.randomNames, request, registered);
                calibration.randomCount++;
            }
        }
        return calibration.table();
    }

    private void count(Map<MatchField, Map<Agreement, Integer>> counts, MatchCandidate candidate) {
        for (FieldComparison c : candidate.comparisons()) {
            counts.computeIfAbsent(c.field(), f -> new EnumMap<>(Agreement.class)).merge(c.agreement(), 1, Integer::sum);
        }
    }

    private void countName(Map<String, Integer> counts, PersonProfile request, PersonProfile registered) {
        Evidence name = names.compare(request, registered);
        if (!name.agreeingParts().isEmpty()) {
            counts.merge("%s / %d".formatted(name.agreement(), name.agreeingParts().size()), 1, Integer::sum);
        }
    }

    private String table() {
        StringBuilder out = new StringBuilder("| field | level | m | u |\n|---|---|---|---|\n");
        for (MatchField field : MatchField.values()) {
            for (Agreement level : Agreement.values()) {
                int m = truePairs.getOrDefault(field, Map.of()).getOrDefault(level, 0);
                int u = randomPairs.getOrDefault(field, Map.of()).getOrDefault(level, 0);
                if (m + u > 0) {
                    out.append("| %s | %s | %.4f | %.6f |%n".formatted(field, level, m / (double) trueCount,
                            u / (double) randomCount));
                }
            }
        }
        // what a further agreeing name part adds (ADR 0032): compare the bits of "FULL / 3" and "FULL / 2"
        out.append("%n| name level / parts agreeing well | m | u | bits | true / random pairs |%n".formatted())
                .append("|---|---|---|---|---|\n");
        java.util.Set<String> levels = new java.util.TreeSet<>(trueNames.keySet());
        levels.addAll(randomNames.keySet());
        for (String level : levels) {
            int m = trueNames.getOrDefault(level, 0);
            int u = randomNames.getOrDefault(level, 0);
            double bits = Math.log((m / (double) trueCount) / (u / (double) randomCount)) / Math.log(2);
            out.append("| %s | %.4f | %.6f | %.2f | %d / %d |%n".formatted(level, m / (double) trueCount,
                    u / (double) randomCount, bits, m, u));
        }
        return out.toString();
    }
}

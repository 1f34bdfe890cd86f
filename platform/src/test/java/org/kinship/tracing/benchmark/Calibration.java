package org.kinship.tracing.benchmark;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.FieldComparison;
import org.kinship.tracing.MatchCandidate;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.internal.MatchScorer;

/**
 * Estimates m (agreement frequencies among true pairs) and u (among random pairs) per field and level on
 * the synthetic population, the way an administrator would estimate them on reviewed real pairs.
 */
final class Calibration {

    private final Map<MatchField, Map<Agreement, Integer>> truePairs = new EnumMap<>(MatchField.class);
    private final Map<MatchField, Map<Agreement, Integer>> randomPairs = new EnumMap<>(MatchField.class);
    private int trueCount;
    private int randomCount;

    static String run(Population population, MatchScorer scorer, int pairs, int randomPairs) {
        Calibration calibration = new Calibration();
        Random random = new Random(7);
        for (int q = 0; q < pairs; q++) {
            PersonProfile request = population.tracingRequest(population.child(q));
            calibration.count(calibration.truePairs, scorer.score(request,
                    population.registeredCase(population.child(q), true)));
            calibration.trueCount++;
        }
        for (int i = 0; i < randomPairs; i++) {
            int a = random.nextInt(1_000_000);
            int b = random.nextInt(1_000_000);
            if (a != b) {
                calibration.count(calibration.randomPairs, scorer.score(population.tracingRequest(population.child(a)),
                        population.registeredCase(population.child(b), true)));
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
        return out.toString();
    }
}

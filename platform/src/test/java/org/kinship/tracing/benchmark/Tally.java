package org.kinship.tracing.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Counts for one engine at one index size: ranks of the true pair, "likely" verdicts, latencies. */
final class Tally {

    private final List<Integer> ranks = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuNanos = new ArrayList<>();
    private int likely;
    private int likelyTrue;
    private int trueLikely;
    private int truePossible;
    private int unmatchedQueriesWithLikely;
    private final List<double[]> scores = new ArrayList<>();

    /** One query: the rank of the true pair (0-based, -1 if absent or none exists). */
    void query(boolean hasTruePair, int rank, long elapsedNanos) {
        if (hasTruePair) {
            ranks.add(rank);
        }
        nanos.add(elapsedNanos);
    }

    void verdict(boolean isTruePair, boolean isLikely, boolean isPossibleOrBetter, boolean hasTruePair) {
        if (isLikely) {
            likely++;
            if (isTruePair) {
                likelyTrue++;
                trueLikely++;
            } else if (!hasTruePair) {
                unmatchedQueriesWithLikely++;
            }
        }
        if (isTruePair && isPossibleOrBetter) {
            truePossible++;
        }
    }

    /** CPU time of one query on its thread (less disturbed than wall time on a shared machine). */
    void cpu(long nanosOfCpu) {
        cpuNanos.add(nanosOfCpu);
    }

    /** A returned candidate's score, for the threshold sweep. */
    void score(double score, boolean isTruePair) {
        scores.add(new double[] {score, isTruePair ? 1 : 0});
    }

    /** Precision and recall of "likely" if the threshold were each of these. */
    String sweep() {
        StringBuilder out = new StringBuilder("| likely threshold (bits) | precision | recall |\n|---|---|---|\n");
        for (int threshold = 12; threshold <= 32; threshold += 2) {
            final int t = threshold;
            long above = scores.stream().filter(s -> s[0] >= t).count();
            long trueAbove = scores.stream().filter(s -> s[0] >= t && s[1] == 1).count();
            out.append("| %d | %.3f | %.3f |%n".formatted(t, above == 0 ? 1.0 : trueAbove / (double) above,
                    trueAbove / (double) ranks.size()));
        }
        return out.toString();
    }

    double recallAt(int k) {
        return ranks.stream().filter(r -> r >= 0 && r < k).count() / (double) ranks.size();
    }

    String row(String engine, int indexed, double indexSeconds) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] cpu = cpuNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return "| %s | %,d | %d | %.3f | %.3f | %.3f | %s | %.3f | %.3f | %d | %.1f | %.1f | %s | %.0f s |".formatted(
                engine, indexed, ranks.size(), recallAt(1), recallAt(5), recallAt(10),
                likely == 0 ? "n/a" : "%.3f (%d/%d)".formatted(likelyTrue / (double) likely, likelyTrue, likely),
                trueLikely / (double) ranks.size(), truePossible / (double) ranks.size(), unmatchedQueriesWithLikely,
                percentile(sorted, 50), percentile(sorted, 95),
                cpu.length == 0 ? "n/a" : "%.1f / %.1f".formatted(percentile(cpu, 50), percentile(cpu, 95)), indexSeconds);
    }

    static String header() {
        return """
                | engine | indexed | true pairs | recall@1 | recall@5 | recall@10 | likely precision | likely recall \
                | possible+ recall | false likely on unmatched | p50 ms | p95 ms | CPU p50 / p95 ms | indexing |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|""";
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {recallAt(1), recallAt(10)});
    }
}

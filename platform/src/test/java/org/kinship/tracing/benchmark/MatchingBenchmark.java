package org.kinship.tracing.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.CandidateFilter;
import org.kinship.tracing.MatchCandidate;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchLabel;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.internal.AgeComparator;
import org.kinship.tracing.internal.MatchScorer;
import org.kinship.tracing.internal.MatchingIndex;
import org.kinship.tracing.internal.PlaceAliases;

/**
 * Recall, "likely" precision and latency of the matching engine against the CPIMS+ baseline on a synthetic
 * population (not a test: run with {@code mvn -pl platform test -Pbenchmarks -Dbenchmark.sizes=10000,100000}).
 * Cases of children 0..N-1 are indexed; tracing requests of children 0..Q-1 have a true pair, those of
 * children N..N+U-1 have none.
 */
class MatchingBenchmark {

    private static final int MATCHED_QUERIES = 1000;
    private static final int UNMATCHED_QUERIES = 300;
    private static final int WARM_UP = 200;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private final List<String> sweeps = new ArrayList<>();
    private static final boolean DIAGNOSE = Boolean.getBoolean("benchmark.diagnose");
    /** Counts, per true pair, the candidates whose every field agrees at least as well as the true one's. */
    private static final boolean CEILING = Boolean.getBoolean("benchmark.ceiling");
    /**
     * The matched requests are those of 1,000 other children (from child 5,000 on, those whose case has consent): a
     * held-out sample, to check that a setting chosen on the usual one holds.
     */
    private static final boolean HELD_OUT = Boolean.getBoolean("benchmark.heldOut");

    @Test
    void measure() throws IOException {
        World world = new World(new Random(42));
        Population population = new Population(42, world);
        PlaceAliases aliases = world.aliases();
        List<String> report = new ArrayList<>();
        report.add(Tally.header());
        if (Boolean.getBoolean("benchmark.calibrate")) {
            MatchScorer scorer = new MatchScorer(MatchWeights.defaults(), new AgeComparator(0.5, 2), aliases);
            System.out.println(Calibration.run(population, scorer, Integer.getInteger("benchmark.truePairs", 5000),
                    Integer.getInteger("benchmark.randomPairs", 300_000)));
            return;
        }
        for (String size : System.getProperty("benchmark.sizes", "10000,100000").split(",")) {
            int n = Integer.parseInt(size.strip());
            report.addAll(run(n, population, aliases));
            System.out.println(String.join("\n", report));
        }
        Path out = Path.of("target", "benchmarks", "tracing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n\nheap: " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB\n\n" + String.join("\n", sweeps));
        System.out.println(String.join("\n", sweeps));
    }

    /**
     * The default weights; {@code -Dbenchmark.nameFrequency=strength,limit[,furtherPart]} compares name frequency
     * settings (and the bits of a further agreeing name part, ADR 0032).
     */
    private static MatchWeights weights() {
        String setting = System.getProperty("benchmark.nameFrequency");
        if (setting == null || setting.isBlank()) {
            return MatchWeights.defaults();
        }
        String[] parts = setting.split(",");
        MatchWeights.NameFrequency defaults = MatchWeights.defaults().nameFrequency();
        return MatchWeights.defaults().withNameFrequency(new MatchWeights.NameFrequency(
                Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                parts.length > 2 ? Double.parseDouble(parts[2].strip()) : defaults.furtherPart()));
    }

    private List<String> run(int size, Population population, PlaceAliases aliases) throws IOException {
        String keep = System.getProperty("benchmark.keep", "").strip();
        Path dir = keep.isEmpty() ? Files.createTempDirectory("kinship-bench-") : Path.of(keep, "size-" + size);
        Path indexed = dir.resolve("indexed");
        if (!keep.isEmpty() && !Files.exists(indexed) && Files.exists(dir)) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        MatchScorer scorer = new MatchScorer(weights(), new AgeComparator(0.5, 2), aliases);
        try (MatchingIndex index = new MatchingIndex(FSDirectory.open(dir.resolve("kinship")), scorer, aliases,
                Integer.getInteger("benchmark.pool", 200));
             BaselineIndex baseline = new BaselineIndex(FSDirectory.open(dir.resolve("baseline")))) {
            double indexSeconds;
            if (Files.exists(indexed) && index.size() == size) {
                // the same seed gives the same population: the kept indexes are those this run would build
                indexSeconds = Double.parseDouble(Files.readString(indexed).strip());
                baseline.open();
                System.out.printf("reusing the %,d profiles indexed in %s (%.1f s then)%n", size, dir, indexSeconds);
            } else {
                if (Files.exists(indexed)) {
                    throw new IllegalStateException("The kept index in " + dir + " was written with other fields: "
                            + "delete the folder (or use another -Dbenchmark.keep) and run again");
                }
                indexSeconds = index(size, population, index, baseline);
                if (!keep.isEmpty()) {
                    Files.writeString(indexed, Double.toString(indexSeconds));
                }
            }
            System.out.printf("indexed %,d in %.1f s%n", size, indexSeconds);
            List<Integer> queries = new ArrayList<>(HELD_OUT
                    ? IntStream.iterate(5_000, i -> i + 1).filter(i -> i % 10 != 0).limit(MATCHED_QUERIES).boxed()
                            .toList()
                    : IntStream.range(0, MATCHED_QUERIES).boxed().toList());
            IntStream.range(size, size + UNMATCHED_QUERIES).forEach(queries::add);
            for (int i = 0; i < WARM_UP; i++) {
                index.findMatches(population.tracingRequest(population.child(size + 10_000 + i)),
                        CandidateFilter.unrestricted(), 10);
            }
            Tally kinship = new Tally();
            List<Integer> ceiling = new ArrayList<>();
            List<double[]> scorerLimit = new ArrayList<>();
            int misses = 0;
            Tally cpims = new Tally();
            for (int q : queries) {
                PersonProfile request = population.tracingRequest(population.child(q));
                boolean hasTruePair = q < size;
                String truth = "case-" + q;
                long t0 = System.nanoTime();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                List<MatchCandidate> found = index.findMatches(request, CandidateFilter.unrestricted(), 10);
                kinship.cpu(THREADS.getCurrentThreadCpuTime() - cpu0);
                long t1 = System.nanoTime();
                List<BaselineIndex.Hit> hits = baseline.search(request, 10);
                long t2 = System.nanoTime();
                kinship.query(hasTruePair, indexOf(found.stream().map(MatchCandidate::profileId).toList(), truth),
                        t1 - t0);
                found.forEach(c -> kinship.score(c.score(), c.profileId().equals(truth)));
                found.forEach(c -> kinship.verdict(c.profileId().equals(truth), c.label() == MatchLabel.LIKELY,
                        c.label() != MatchLabel.UNLIKELY, hasTruePair));
                if (DIAGNOSE && hasTruePair && found.stream().noneMatch(c -> c.profileId().equals(truth))
                        && misses++ < Integer.getInteger("benchmark.diagnoseCount", 40)) {
                    List<MatchCandidate> deep = index.findMatches(request, CandidateFilter.unrestricted(), 1000);
                    System.out.printf("rank in pool: %d of %d, dominated by %d; ", indexOf(
                            deep.stream().map(MatchCandidate::profileId).toList(), truth), deep.size(),
                            dominators(request, population.registeredCase(population.child(q), true), index, deep));
                    diagnose(request, population.registeredCase(population.child(q), true), index, found);
                    System.out.printf("namesakes among them (same child's names and sex): %d%n",
                            namesakes(population, population.child(q), found));
                }
                if (DIAGNOSE && !hasTruePair) {
                    // a "likely" label on a request whose child is not indexed: the false alarms a caseworker sees
                    found.stream().filter(c -> c.label() == MatchLabel.LIKELY).forEach(c -> System.out.printf(
                            "FALSE LIKELY %s %s | %s %.1f %s%n", request.allNames(), request.familyMembers(),
                            c.profileId(), c.score(), c.comparisons().stream().map(f -> "%s=%s(%.1f) %s / %s"
                                    .formatted(f.field(), f.agreement(), f.weight(), f.left(), f.right())).toList()));
                }
                if (CEILING && hasTruePair) {
                    PersonProfile truthCase = population.registeredCase(population.child(q), true);
                    List<MatchCandidate> deep = index.findMatches(request, CandidateFilter.unrestricted(), 1000);
                    ceiling.add(dominators(request, truthCase, index, deep));
                    scorerLimit.add(rankAmongOthers(index.score(request, truthCase).score(), truth, deep));
                }
                cpims.query(hasTruePair, indexOf(hits.stream().map(BaselineIndex.Hit::id).toList(), truth), t2 - t1);
                hits.forEach(h -> cpims.verdict(h.id().equals(truth), h.relativeScore() >= BaselineIndex.LIKELY,
                        h.relativeScore() >= 0.5, hasTruePair));
            }
            sweeps.add("Kinship at %,d profiles:%n%n%s".formatted(size, kinship.sweep()));
            if (CEILING) {
                sweeps.add(ceiling(size, ceiling));
                sweeps.add(scorerLimit(size, scorerLimit));
            }
            return List.of(kinship.row("Kinship", size, indexSeconds), cpims.row("CPIMS+ baseline", size, 0));
        } finally {
            if (keep.isEmpty()) {
                deleteRecursively(dir);
            }
        }
    }

    /** Generates and indexes cases 0..size-1 into both indexes (2 threads); the seconds it took. */
    private static double index(int size, Population population, MatchingIndex index, BaselineIndex baseline)
            throws IOException {
        long start = System.nanoTime();
        IntStream.range(0, size).parallel().forEach(i -> {
            Population.Child child = population.child(i);
            PersonProfile registered = population.registeredCase(child, i < MATCHED_QUERIES || i % 10 != 0);
            index.put(registered);
            try {
                baseline.add(registered);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        index.commit();
        baseline.open();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Agreement levels in the order every sensible weighting keeps (a missing field weighs nothing). */
    private static int order(Agreement agreement) {
        return switch (agreement) {
            case FULL -> 5;
            case AGREE -> 4;
            case PARTIAL -> 3;
            case MISSING -> 2;
            case WEAK -> 1;
            case DISAGREE -> 0;
        };
    }

    /**
     * How many of the 1,000 best candidates agree with the request at least as well as the true case on every field
     * and better on one: no scoring that weighs each field's agreement levels in this order (whatever the weights)
     * can rank the true case above them. A lower bound on such candidates, since only 1,000 are looked at.
     */
    private static int dominators(PersonProfile request, PersonProfile truth, MatchingIndex index,
            List<MatchCandidate> deep) {
        Map<MatchField, Agreement> truthLevels = levels(index.score(request, truth));
        int count = 0;
        for (MatchCandidate candidate : deep) {
            if (candidate.profileId().equals(truth.id())) {
                continue;
            }
            Map<MatchField, Agreement> other = levels(candidate);
            boolean atLeast = true;
            boolean better = false;
            for (MatchField field : MatchField.values()) {
                int a = order(other.getOrDefault(field, Agreement.MISSING));
                int b = order(truthLevels.getOrDefault(field, Agreement.MISSING));
                atLeast &= a >= b;
                better |= a > b;
            }
            if (atLeast && better) {
                count++;
            }
        }
        return count;
    }

    /**
     * Where the scorer would rank the true case if retrieval always found it: how many of the other candidates of a
     * deep search (1,000 per blocking pass) score above it, and how many the same. Those candidates are a subset of
     * the index, so this is a bound on recall from above: what better retrieval alone could reach.
     */
    private static double[] rankAmongOthers(double truthScore, String truth, List<MatchCandidate> deep) {
        int above = 0;
        int tied = 0;
        for (MatchCandidate candidate : deep) {
            if (!candidate.profileId().equals(truth)) {
                above += candidate.score() > truthScore ? 1 : 0;
                tied += candidate.score() == truthScore ? 1 : 0;
            }
        }
        return new double[] {above, tied};
    }

    /** Recall at k if the true case were always retrieved, ties shared out evenly (expected recall). */
    private static String scorerLimit(int size, List<double[]> ranks) {
        StringBuilder out = new StringBuilder("Scored, not retrieved, at %,d profiles (%d true pairs): recall if "
                .formatted(size, ranks.size()) + "every true case were retrieved, against the others of a deep search:");
        for (int k : new int[] {1, 5, 10}) {
            double expected = 0;
            for (double[] rank : ranks) {
                // the true case and its ties share the places from rank[0] on, in any order
                double places = Math.max(0, Math.min(rank[1] + 1, k - rank[0]));
                expected += places / (rank[1] + 1);
            }
            out.append(" @%d %.3f".formatted(k, expected / ranks.size()));
        }
        return out.append("\n").toString();
    }

    private static Map<MatchField, Agreement> levels(MatchCandidate candidate) {
        Map<MatchField, Agreement> levels = new EnumMap<>(MatchField.class);
        candidate.comparisons().forEach(c -> levels.put(c.field(), c.agreement()));
        return levels;
    }

    private static String ceiling(int size, List<Integer> dominators) {
        long first = dominators.stream().filter(d -> d >= 1).count();
        long five = dominators.stream().filter(d -> d >= 5).count();
        long ten = dominators.stream().filter(d -> d >= 10).count();
        return ("Ceiling at %,d profiles (%d true pairs): dominated by >= 1 other candidate %d, >= 5 %d, >= 10 %d; "
                + "best possible recall@1 %.3f, @5 %.3f, @10 %.3f%n").formatted(size, dominators.size(), first, five,
                ten, 1 - first / (double) dominators.size(), 1 - five / (double) dominators.size(),
                1 - ten / (double) dominators.size());
    }

    private static void diagnose(PersonProfile request, PersonProfile truth, MatchingIndex index,
            List<MatchCandidate> found) {
        MatchCandidate pair = index.score(request, truth);
        System.out.printf("MISS %s %s | %s %s | true score %.1f %s | best %s %.1f%n", request.allNames(),
                request.familyMembers(), truth.allNames(), truth.familyMembers(), pair.score(),
                pair.comparisons().stream()
                        .map(c -> "%s=%s(%.1f)".formatted(c.field(), c.agreement(), c.weight())).toList(),
                found.isEmpty() ? "-" : found.getFirst().profileId(), found.isEmpty() ? 0 : found.getFirst().score());
        // the candidates ranked first, each with its evidence
        for (MatchCandidate candidate : found) {
            System.out.printf("   %6.1f %s%n", candidate.score(), candidate.comparisons().stream()
                    .map(c -> "%s=%s(%.1f)".formatted(c.field(), c.agreement(), c.weight())).toList());
        }
    }

    /** How many of the candidates are children with the same names and sex as the searched one (true namesakes). */
    private static long namesakes(Population population, Population.Child child, List<MatchCandidate> found) {
        return found.stream().map(c -> population.child(Integer.parseInt(c.profileId().substring("case-".length()))))
                .filter(other -> other.culture() == child.culture() && other.female() == child.female()
                        && other.given().equals(child.given()) && other.family().equals(child.family()))
                .count();
    }

    private static int indexOf(List<String> ids, String id) {
        return ids.indexOf(id);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}

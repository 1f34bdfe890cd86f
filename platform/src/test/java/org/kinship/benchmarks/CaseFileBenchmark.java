package org.kinship.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.PlatformTestApplication;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseForms;
import org.kinship.cases.CaseIndexService;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.internal.BenchmarkCaseLoader;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a unit test: run with {@code mvn -o -pl platform test -Pbenchmarks -Dtest=CaseFileBenchmark}. Loads {@code benchmark.cases}
 * synthetic cases into the embedded default (file-backed MongoDB server, Lucene on disk) and measures
 * registration throughput and case-list latency. Up to each checkpoint the cases are stored by
 * {@link BenchmarkCaseLoader} (registration's own document building, batched, index rebuilt); the last
 * {@code benchmark.registrations} (200) before it are registered through {@link CaseFileService} with every
 * listener, and only those are timed for the throughput. Prints a Markdown table for
 * docs/benchmarks.md and writes it to {@code target/benchmarks/case-files.md}.
 */
class CaseFileBenchmark {

    private static final String[] FIRST = {"Amina", "Jean", "Aïcha", "Omar", "Fatou", "Grace", "Paul", "Esther",
        "Kofi", "Mariam", "Yusuf", "Chantal", "Idriss", "Nadia", "Samuel", "Zainab"};
    private static final String[] LAST = {"Bakari", "Mukendi", "Diallo", "Said", "Ndiaye", "Uwase", "Habimana",
        "Mbeki", "Kabila", "Haddad", "Traoré", "Nkurunziza", "Okello", "Mensah"};
    private static final String[] RISK = {"low", "medium", "high"};

    @TempDir
    Path dataDir;

    @Test
    void registrationThroughputAndCaseListLatency() throws Exception {
        // only in the benchmark profile, which sets the size; never as part of a test run
        Assumptions.assumeTrue(System.getProperty("benchmark.cases") != null, "run with -Pbenchmarks -Dtest=CaseFileBenchmark");
        int total = Integer.getInteger("benchmark.cases", 100_000);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("kinship.data-dir=" + dataDir, "kinship.admin.password=Kivu-Lantern-Test-42",
                        "flowable.async-executor-activate=false", "logging.level.org.flowable=WARN",
                        "logging.level.org.kinship=WARN")
                .run()) {
            CaseForms.publish(context);
            CaseTestUsers users = new CaseTestUsers(context.getBean(UserAccountService.class));
            List<KinshipUser> workers = new ArrayList<>();
            for (String agency : List.of("BENA", "BENB", "BENC", "BEND")) {
                for (int i = 0; i < 5; i++) {
                    workers.add(users.worker(agency));
                }
            }
            KinshipUser supervisor = users.supervisor("BENA");
            CaseFileService cases = context.getBean(CaseFileService.class);
            CaseListService lists = context.getBean(CaseListService.class);

            List<String> rows = new ArrayList<>();
            Random random = new Random(42);
            int loaded = 0;
            BenchmarkCaseLoader loader = new BenchmarkCaseLoader(context);
            int sample = Integer.getInteger("benchmark.registrations", 200);
            for (int checkpoint : checkpoints(total)) {
                // the bulk of the cases through the loader (same documents, batched, no per-case events) ...
                int bulkTo = Math.max(loaded, checkpoint - sample);
                long bulkStarted = System.nanoTime();
                bulkLoad(loader, workers, loaded, bulkTo);
                double bulkSeconds = (System.nanoTime() - bulkStarted) / 1e9;
                long commitStarted = System.nanoTime();
                loader.commitIndexes();
                System.out.printf(Locale.ROOT, "bulk %,d -> %,d in %.0f s (%.0f cases/s), index commits and report index repair %.1f s%n", loaded,
                        bulkTo, bulkSeconds, (bulkTo - loaded) / Math.max(bulkSeconds, 1e-3),
                        (System.nanoTime() - commitStarted) / 1e9);
                // ... and the last ones registered through the service: that is the throughput measured
                long started = System.nanoTime();
                load(cases, workers, bulkTo, checkpoint);
                double seconds = (System.nanoTime() - started) / 1e9;
                context.getBean(CaseIndexService.class).commit();
                rows.add(String.format(Locale.ROOT, "| %,d | registration through `CaseFileService`, cases %,d -> %,d (4 threads) | %.1f cases/s | |",
                        checkpoint, bulkTo, checkpoint, (checkpoint - bulkTo) / seconds));
                System.out.println(rows.getLast());
                loaded = checkpoint;
                rows.add(latency(checkpoint, "list, supervisor (agency scope), newest first, page 1",
                        () -> lists.list(supervisor, query(null, null, null, null, null, CaseQuery.SortField.REGISTERED_AT, 0))));
                rows.add(latency(checkpoint, "list, supervisor, risk high + female + age 5-12, by name",
                        () -> lists.list(supervisor, query("high", "female", 5, 12, null, CaseQuery.SortField.NAME, 0))));
                rows.add(latency(checkpoint, "list, supervisor, free text (name prefix), page 5",
                        () -> lists.list(supervisor, query(null, null, null, null,
                                LAST[random.nextInt(LAST.length)].substring(0, 3), CaseQuery.SortField.NAME, 5))));
                rows.add(latency(checkpoint, "list, case worker (own scope), by age", () -> lists.list(
                        workers.get(random.nextInt(5)), query(null, null, null, null, null, CaseQuery.SortField.AGE, 0))));
                // the supervisor's first pages (at most 10 of 20): small runs have fewer than 200 cases per agency
                int pages = (int) Math.max(1, Math.min(10, lists.list(supervisor, query(null, null, null, null, null,
                        CaseQuery.SortField.UPDATED_AT, 0)).total() / 20));
                rows.add(latency(checkpoint, "read one case by id (MongoDB)", () -> cases.get(supervisor,
                        lists.list(supervisor, query(null, null, null, null, null, CaseQuery.SortField.UPDATED_AT,
                                random.nextInt(pages))).items().getFirst().id())));
                report(checkpoint, rows);
            }
        }
    }

    private static List<Integer> checkpoints(int total) {
        List<Integer> points = new ArrayList<>();
        for (int step : new int[] {total / 10, total / 4, total / 2, total}) {
            if (step > 0 && (points.isEmpty() || step > points.getLast())) {
                points.add(step);
            }
        }
        return points;
    }

    private static void load(CaseFileService cases, List<KinshipUser> workers, int from, int to) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = from + t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                        register(cases, workers.get(n % workers.size()), random);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
    }

    private static void register(CaseFileService cases, KinshipUser worker, Random random) {
        child(random).registeredBy(cases, worker);
    }

    private static CaseFiles child(Random random) {
        return CaseFiles.aRegisteredCase().named(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)])
                .ofSex(random.nextBoolean() ? "female" : "male").aged(random.nextInt(18))
                .livingIn("CD-NK-" + random.nextInt(40)).atRisk(RISK[random.nextInt(RISK.length)]);
    }

    /** Cases {@code from} to {@code to} through the benchmark loader, 4 threads, batches of 500. */
    private static void bulkLoad(BenchmarkCaseLoader loader, List<KinshipUser> workers, int from, int to)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(from + thread);
                    List<BenchmarkCaseLoader.Registration> registrations = new ArrayList<>();
                    for (int n = from + thread; n < to; n += 4) {
                        registrations.add(new BenchmarkCaseLoader.Registration(workers.get(n % workers.size()),
                                child(random).data()));
                    }
                    loader.load(CaseFiles.MODULE, registrations, 500);
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
    }

    private static CaseQuery query(String risk, String sex, Integer minAge, Integer maxAge, String text,
            CaseQuery.SortField sort, int page) {
        return new CaseQuery(null, null, risk, null, null, sex, minAge, maxAge, null, null, null, text, sort, false,
                page, 20);
    }

    private static String latency(int loaded, String what, Runnable call) {
        for (int i = 0; i < 20; i++) {
            call.run();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            call.run();
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        Function<Double, String> at = q -> String.format(Locale.ROOT, "%.1f ms",
                micros.get((int) Math.min(micros.size() - 1, Math.round(q * micros.size()))) / 1000.0);
        return String.format(Locale.ROOT, "| %,d | %s | p50 %s | p95 %s |", loaded, what, at.apply(0.50), at.apply(0.95));
    }

    private static void report(int total, List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder("Run " + LocalDate.now() + ", " + total + " cases, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB\n\n| cases loaded | measure | | |\n|---|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        System.out.println(text);
        Path out = Path.of("target", "benchmarks", "case-files.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

}

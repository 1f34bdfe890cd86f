package org.kinship.tasks.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.PlatformTestApplication;
import org.kinship.cases.CaseTestUsers;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.shared.Ids;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskState;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a unit test: run with {@code mvn -o -pl platform test -Pbenchmarks -Dtest=TaskInboxBenchmark}. Fills the
 * task inbox projection with {@code benchmark.cases} open tasks (one per case, as the case process has one open
 * task at a time) in the embedded default (file-backed MongoDB server) and measures a case worker's overdue list,
 * the navigation counts and a supervisor's team overdue list, as the inbox answers them (from the task index,
 * which {@code insertAll} fills and the load time includes). Prints a Markdown table for docs/benchmarks.md and
 * writes it to {@code target/benchmarks/task-inbox.md}.
 */
class TaskInboxBenchmark {

    private static final String[] RISK = {"low", "medium", "high"};
    private static final String[] STEP = {"initialAssessment", "casePlan", "followUp", "closureRequest"};
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 50);

    @TempDir
    Path dataDir;

    @Test
    void overdueListLatencyWithOneHundredThousandOpenCases() throws IOException {
        Assumptions.assumeTrue(System.getProperty("benchmark.cases") != null,
                "run with -Pbenchmarks -Dtest=TaskInboxBenchmark");
        int total = Integer.getInteger("benchmark.cases", 100_000);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("kinship.data-dir=" + dataDir, "kinship.admin.password=Kivu-Lantern-Test-42",
                        // in memory: on the file-backed embedded server, 100,000-document scans racing its
                        // background commits fail with H2 MVStore "Chunk not found" (docs/benchmarks.md)
                        "kinship.embedded-in-memory=" + Boolean.parseBoolean(
                                System.getProperty("benchmark.inMemory", "true")),
                        "flowable.async-executor-activate=false", "logging.level.org.flowable=WARN",
                        "logging.level.org.kinship=WARN")
                .run()) {
            CaseTestUsers users = new CaseTestUsers(context.getBean(UserAccountService.class));
            List<KinshipUser> workers = new ArrayList<>();
            List<String> agencies = List.of("INBA", "INBB", "INBC", "INBD");
            for (String agency : agencies) {
                for (int i = 0; i < 10; i++) {
                    workers.add(users.worker(agency));
                }
            }
            KinshipUser supervisor = users.supervisor("INBA");
            MongoTaskRepository repository = context.getBean(MongoTaskRepository.class);
            TaskInboxService inbox = context.getBean(TaskInboxService.class);

            Instant now = Instant.now();
            Random random = new Random(42);
            long started = System.nanoTime();
            List<InboxTask> batch = new ArrayList<>();
            for (int n = 0; n < total; n++) {
                KinshipUser owner = workers.get(n % workers.size());
                String risk = RISK[random.nextInt(RISK.length)];
                // 10% overdue, 5% due today, the rest due within 30 days
                long minutes = switch (random.nextInt(20)) {
                    case 0, 1 -> -random.nextInt(14 * 24 * 60) - 1;
                    case 2 -> random.nextInt(6 * 60) + 1;
                    default -> random.nextInt(30 * 24 * 60) + 24 * 60;
                };
                String step = STEP[random.nextInt(STEP.length)];
                batch.add(new InboxTask(Ids.newId(), Ids.newId(), "BEN-" + n, "pi-" + n, step, step,
                        step, step, false, owner.id(), List.of("case_worker"), owner.id(), List.of(), List.of(),
                        owner.agencyCode(), now.plus(Duration.ofMinutes(minutes)), risk, InboxTask.riskRank(risk),
                        TaskState.OPEN, minutes < 0 && random.nextBoolean(), now.minus(Duration.ofDays(3)), null,
                        null));
                if (batch.size() == 1000) {
                    repository.insertAll(batch);
                    batch.clear();
                }
            }
            repository.insertAll(batch);
            // the index is durable before the queries are timed (in production one commit follows the writes)
            context.getBean(TaskIndexer.class).commit();
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "loaded %,d open tasks in %.1f s%n", total, loadSeconds);

            KinshipUser worker = workers.getFirst();
            long[] overdue = measure(() -> inbox.myTasks(worker, TaskFilter.OVERDUE, 100).size());
            long[] counts = measure(() -> (int) inbox.counts(worker).overdue());
            long[] team = measure(() -> inbox.teamTasks(supervisor, TaskFilter.OVERDUE, 100).size());
            int listed = inbox.myTasks(worker, TaskFilter.OVERDUE, 500).size();

            String table = String.format(Locale.ROOT, """
                    | open tasks | load (s) | worker's overdue list p50 / p95 / p99 (ms) | navigation counts p50 / p95 (ms) | supervisor's team overdue list p50 / p95 (ms) | worker's overdue tasks |
                    |---:|---:|---:|---:|---:|---:|
                    | %,d | %.1f | %.1f / %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %d |
                    """, total, loadSeconds, ms(overdue, 50), ms(overdue, 95), ms(overdue, 99), ms(counts, 50),
                    ms(counts, 95), ms(team, 50), ms(team, 95), listed);
            System.out.println(table);
            Path out = Path.of("target/benchmarks/task-inbox.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
        }
    }

    private static long[] measure(java.util.function.IntSupplier query) {
        for (int i = 0; i < 5; i++) {
            query.getAsInt();
        }
        long[] nanos = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            query.getAsInt();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double ms(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[index] / 1e6;
    }
}

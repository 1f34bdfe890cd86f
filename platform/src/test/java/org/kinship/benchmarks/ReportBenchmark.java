package org.kinship.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.PlatformTestApplication;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.reports.DashboardService;
import org.kinship.reports.ReportIndexService;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportDimension;
import org.kinship.reports.ReportMeasure;
import org.kinship.reports.ReportResult;
import org.kinship.reports.ReportService;
import org.kinship.reports.ReportTestModule;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskState;
import org.kinship.tasks.internal.TaskLoad;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a unit test: run with {@code mvn -o -pl platform test -Pbenchmarks -Dtest=ReportBenchmark
 * -Dbenchmark.cases=100000}. Writes {@code benchmark.cases} synthetic cases of the report test module straight
 * into the {@code cases} collection of the embedded default (file-backed MongoDB server, Lucene on disk),
 * rebuilds the reports' read model, writes one open task per case into the inbox, then measures
 * the dashboard (case and task tiles) and a sex x age-group report for users of every scope. Prints a Markdown table for docs/benchmarks.md and writes it to
 * {@code target/benchmarks/reports.md}.
 */
class ReportBenchmark {

    private static final String[] AGENCIES = {"BENA", "BENB", "BENC", "BEND"};

    @TempDir
    Path dataDir;

    @Test
    void dashboardAndSexByAgeGroupReport() throws Exception {
        Assumptions.assumeTrue(System.getProperty("benchmark.cases") != null,
                "run with -Pbenchmarks -Dtest=ReportBenchmark");
        int total = Integer.getInteger("benchmark.cases", 100_000);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("kinship.data-dir=" + dataDir, "kinship.admin.password=Kivu-Lantern-Test-42",
                        "flowable.async-executor-activate=false", "logging.level.org.flowable=WARN",
                        "logging.level.org.kinship=WARN")
                .run()) {
            ReportTestModule.install(context.getBean(FormDefinitionService.class), context.getBean(LookupService.class),
                    context.getBean(RecordModuleService.class));
            CaseTestUsers users = new CaseTestUsers(context.getBean(UserAccountService.class));
            List<KinshipUser> workers = new ArrayList<>();
            for (String agency : AGENCIES) {
                for (int i = 0; i < 5; i++) {
                    workers.add(users.worker(agency));
                }
            }
            KinshipUser supervisor = users.supervisor("BENA");
            KinshipUser analyst = users.create(DefaultRoles.DATA_ANALYST, "BENA");

            List<String> rows = new ArrayList<>();
            long started = System.nanoTime();
            long females = insert(context.getBean(MongoDatabase.class), context.getBean(DocumentMapper.class), workers,
                    total);
            rows.add(String.format(Locale.ROOT, "| %,d | load: bulk insert into MongoDB | %.0f s | |", total,
                    (System.nanoTime() - started) / 1e9));
            // the case index (case list) is not rebuilt: neither the dashboard nor reports read it any more, and its
            // rebuild at 100,000 cases takes longer than everything measured here (clearing 100,000 pending markers)
            started = System.nanoTime();
            ReportIndexService reportIndex = context.getBean(ReportIndexService.class);
            reportIndex.rebuild();
            rows.add(String.format(Locale.ROOT, "| %,d | load: report read model rebuild | %.0f s | |", total,
                    (System.nanoTime() - started) / 1e9));
            started = System.nanoTime();
            int tasks = insertTasks(context, workers, total);
            rows.add(String.format(Locale.ROOT, "| %,d | load: %,d open tasks into the inbox and its index | %.0f s | |",
                    total, tasks, (System.nanoTime() - started) / 1e9));
            started = System.nanoTime();
            long repaired = reportIndex.repair();
            rows.add(String.format(Locale.ROOT, "| %,d | start-up check of the read model (every case's version; %d"
                    + " repaired) | %.1f s | |", total, repaired, (System.nanoTime() - started) / 1e9));

            DashboardService dashboards = context.getBean(DashboardService.class);
            ReportService reports = context.getBean(ReportService.class);
            rows.add(latency(total, "dashboard, case worker (own scope)", 50,
                    () -> dashboards.dashboard(workers.getFirst(), Locale.ENGLISH)));
            rows.add(latency(total, "dashboard, supervisor (agency scope, " + total / 4 + " cases; team tiles)", 50,
                    () -> dashboards.dashboard(supervisor, Locale.ENGLISH)));
            ReportDefinition sexByAge = new ReportDefinition(ReportTestModule.MODULE,
                    List.of(ReportDimension.of("sex")),
                    List.of(ReportDimension.ranges("age", List.of(0, 5, 12, 15, 18))), List.of(), ReportMeasure.COUNT);
            ReportResult all = reports.run(analyst, sexByAge, Locale.ENGLISH);
            long countedFemales = all.rows().stream().filter(r -> r.header().keys().getFirst().equals("female"))
                    .mapToLong(r -> r.total().longValue()).sum();
            if (all.total().longValue() != total || countedFemales != females) {
                throw new IllegalStateException("report counted " + all.total() + " cases, " + countedFemales
                        + " girls; generated " + total + ", " + females);
            }
            rows.add(latency(total, "report sex x age group, data analyst (all " + total + " cases)", 50,
                    () -> reports.run(analyst, sexByAge, Locale.ENGLISH)));
            rows.add(latency(total, "report sex x age group, supervisor (agency scope)", 50,
                    () -> reports.run(supervisor, sexByAge, Locale.ENGLISH)));
            rows.add(latency(total, "report sex x age group, case worker (own scope)", 50,
                    () -> reports.run(workers.getFirst(), sexByAge, Locale.ENGLISH)));
            ReportDefinition concerns = new ReportDefinition(ReportTestModule.MODULE,
                    List.of(ReportDimension.of("protection_concerns")), List.of(ReportDimension.of("@riskLevel")),
                    List.of(), ReportMeasure.COUNT);
            rows.add(latency(total, "report protection concern (multiple choice) x risk level, data analyst", 20,
                    () -> reports.run(analyst, concerns, Locale.ENGLISH)));
            ReportDefinition members = new ReportDefinition(ReportTestModule.MODULE,
                    List.of(ReportDimension.of("family_members.relationship")), List.of(), List.of(),
                    ReportMeasure.COUNT);
            rows.add(latency(total, "report family members (repeating group) by relationship, data analyst", 20,
                    () -> reports.run(analyst, members, Locale.ENGLISH)));
            report(total, rows);
        }
    }

    /** Writes the cases; answers how many are girls (to check the report against). */
    private static long insert(MongoDatabase database, DocumentMapper mapper, List<KinshipUser> workers, int total) {
        MongoCollection<Document> cases = database.getCollection("cases");
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T08:00:00Z");
        List<Document> batch = new ArrayList<>();
        long females = 0;
        for (int n = 0; n < total; n++) {
            KinshipUser worker = workers.get(n % workers.size());
            Instant at = start.plusSeconds(n * 600L);
            Map<String, CaseSection> sections = new LinkedHashMap<>();
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("given_name", "Child " + n);
            String sex = random.nextBoolean() ? "female" : "male";
            females += sex.equals("female") ? 1 : 0;
            registration.put("sex", sex);
            registration.put("age", random.nextInt(19));
            registration.put("current_location", ReportTestModule.LOCATIONS.get(random.nextInt(3)));
            sections.put("registration", new CaseSection("rpt_registration", 1, registration));
            List<String> concerns = new ArrayList<>();
            ReportTestModule.CONCERNS.forEach(c -> {
                if (random.nextInt(3) == 0) {
                    concerns.add(c);
                }
            });
            String risk = ReportTestModule.RISKS.get(random.nextInt(3));
            sections.put("assessment", new CaseSection("rpt_assessment", 1,
                    Map.of("protection_concerns", concerns, "risk_level", risk)));
            List<Map<String, Object>> members = new ArrayList<>();
            for (int m = random.nextInt(4); m > 0; m--) {
                members.add(Map.of("relationship", ReportTestModule.RELATIONSHIPS.get(random.nextInt(3)), "age",
                        random.nextInt(60)));
            }
            sections.put("family", new CaseSection("rpt_family", 1, Map.of("family_members", members)));
            CaseFile file = new CaseFile("bench-" + n, String.format(Locale.ROOT, "%s-R-%06d", worker.agencyCode(), n),
                    ReportTestModule.MODULE, random.nextInt(10) == 0 ? CaseStatus.CLOSED : CaseStatus.OPEN, risk,
                    worker.id(), List.of(), List.of(), worker.agencyCode(), sections, at, worker.id(), at, worker.id(),
                    null, List.of(), List.of(), List.of(), 1);
            batch.add(mapper.toDocument(file).append("history", List.of()).append("indexPending", false)
                    .append("outbox", List.of()));
            if (batch.size() == 1000) {
                cases.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            cases.insertMany(batch);
        }
        return females;
    }

    /**
     * One open task per case (as the case process has one open task at a time), assigned to the case's owner: 10%
     * overdue, 5% due today, the rest within 30 days; every twentieth an approval offered to supervisors.
     */
    private static int insertTasks(ConfigurableApplicationContext context, List<KinshipUser> workers, int total) {
        Instant now = context.getBean(java.time.Clock.class).instant();
        Instant endOfDay = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Random random = new Random(7);
        List<InboxTask> batch = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            KinshipUser worker = workers.get(n % workers.size());
            int draw = random.nextInt(100);
            Instant due = draw < 10 ? now.minusSeconds(3600L * (1 + random.nextInt(240)))
                    : draw < 15 ? endOfDay.minusSeconds(1 + random.nextInt(60))
                    : now.plusSeconds(86_400L * (1 + random.nextInt(30)));
            boolean approval = n % 20 == 0;
            String risk = ReportTestModule.RISKS.get(random.nextInt(3));
            batch.add(new InboxTask("bench-task-" + n, "bench-" + n, null, "bench-process-" + n,
                    approval ? "approveAssessment" : "followUp", approval ? "Approve" : "Follow-up",
                    approval ? "approval:assessment" : "assessment", "assessment", approval,
                    approval ? null : worker.id(), List.of(approval ? DefaultRoles.SUPERVISOR : DefaultRoles.CASE_WORKER),
                    worker.id(), List.of(), List.of(), worker.agencyCode(), due, risk, InboxTask.riskRank(risk),
                    TaskState.OPEN, false, now.minusSeconds(86_400), null, null));
            if (batch.size() == 1000) {
                TaskLoad.insert(context, batch);
                batch.clear();
            }
        }
        TaskLoad.insert(context, batch);
        TaskLoad.commit(context);
        return total;
    }

    private static String latency(int loaded, String what, int runs, Supplier<?> call) {
        String row = measure(loaded, what, runs, call);
        System.out.println(row);
        return row;
    }

    private static String measure(int loaded, String what, int runs, Supplier<?> call) {
        call.get();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        return String.format(Locale.ROOT, "| %,d | %s | p50 %.1f ms | p95 %.1f ms, max %.1f ms (%d runs) |", loaded,
                what, micros.get(micros.size() / 2) / 1000.0,
                micros.get(Math.min(micros.size() - 1, (int) Math.ceil(micros.size() * 0.95) - 1)) / 1000.0,
                micros.getLast() / 1000.0, runs);
    }

    private static void report(int total, List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder("Run " + LocalDate.now() + ", " + total + " cases, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB\n\n| cases | measure | | |\n|---|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        System.out.println(text);
        Path out = Path.of("target", "benchmarks", "reports.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }
}

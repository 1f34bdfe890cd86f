package org.kinship.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.reports.GeneratedChildren.Child;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = CaseTestUsers.PASSWORD;
    /** Other test classes share the database: users who see every agency look at this class's agencies only. */
    private static final Map<String, Object> OUR_AGENCIES = Map.of("field", "@agency", "values",
            List.of("RPA", "RPB", "RPC"));
    /** The report test module with its assessment section hidden from case workers. */
    private static final String HIDDEN_MODULE = "rpt-cp-hidden";

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    RecordModuleService modules;
    @Autowired
    CaseFileService cases;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    ReportIndexService reportIndex;

    ApiClient api;
    KinshipUser supervisorA;
    KinshipUser workerA;
    KinshipUser analyst;
    List<Child> children;

    @BeforeAll
    void generate() {
        api = new ApiClient(port);
        ReportTestModule.install(forms, lookups, modules);
        CaseTestUsers users = new CaseTestUsers(accounts);
        workerA = users.worker("RPA");
        KinshipUser secondWorkerA = users.worker("RPA");
        KinshipUser workerB = users.worker("RPB");
        supervisorA = users.supervisor("RPA");
        analyst = users.create(DefaultRoles.DATA_ANALYST, "RPA");
        children = new GeneratedChildren(7).register(cases, List.of(workerA, secondWorkerA, workerB), 60, clock,
                Instant.parse("2026-01-05T09:00:00Z")).children();
    }

    @Test
    void sexByAgeGroupCountsTheSupervisorsAgencyOnlyWithBlanksAndTotals() {
        JsonNode result = run(supervisorA, Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "sex")),
                "columns", List.of(Map.of("field", "registration/age", "ranges", List.of(0, 5, 12, 18)))));

        List<Child> mine = children.stream().filter(c -> c.agency().equals("RPA")).toList();
        assertThat(mine).isNotEmpty().hasSizeLessThan(children.size());
        Map<String, Map<String, Integer>> expected = crossCount(mine, c -> List.of(blank(c.sex())),
                c -> List.of(ageRange(c.age())));
        assertThat(columnKeys(result)).containsExactly("0-4", "5-11", "12-17", "18+", "");
        assertThat(table(result)).isEqualTo(expected);
        assertThat(result.path("total").asInt()).isEqualTo(mine.size());
        assertThat(result.at("/rows/0/header/labels/0").asString()).isEqualTo("Female");
    }

    @Test
    void aMultipleChoiceCountsACaseUnderEachConcernButOnceInTheTotals() {
        JsonNode result = run(supervisorA, Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "assessment/protection_concerns")),
                "columns", List.of(Map.of("field", "@riskLevel"))));

        List<Child> mine = children.stream().filter(c -> c.agency().equals("RPA")).toList();
        Map<String, Map<String, Integer>> expected = crossCount(mine,
                c -> c.concerns().isEmpty() ? List.of("") : c.concerns(), c -> List.of(c.risk()));
        assertThat(table(result)).isEqualTo(expected);
        assertThat(result.path("total").asInt()).isEqualTo(mine.size());
        for (JsonNode column : result.path("columns")) {
            String risk = column.at("/keys/0").asString();
            int index = columnKeys(result).indexOf(risk);
            assertThat(result.path("columnTotals").get(index).asInt()).as(risk)
                    .isEqualTo((int) mine.stream().filter(c -> c.risk().equals(risk)).count());
        }
    }

    @Test
    void familyMembersAreCountedPerMemberByRelationshipAndAgeRange() {
        JsonNode result = run(analyst, Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "family/family_members.relationship")),
                "columns", List.of(Map.of("field", "family_members.age", "ranges", List.of(0, 18, 60))),
                "filters", List.of(OUR_AGENCIES)));

        Map<String, Map<String, Integer>> expected = new HashMap<>();
        int members = 0;
        for (Child child : children) {
            for (GeneratedChildren.Member member : child.members()) {
                expected.computeIfAbsent(member.relationship(), k -> new HashMap<>())
                        .merge(member.age() < 18 ? "0-17" : member.age() < 60 ? "18-59" : "60+", 1, Integer::sum);
                members++;
            }
        }
        assertThat(result.path("unit").asString()).isEqualTo("family/family_members");
        assertThat(table(result)).isEqualTo(expected);
        assertThat(result.path("total").asInt()).isEqualTo(members);
    }

    @Test
    void referredServicesByMonthOfTheServiceDateAcrossAllAgenciesForTheAnalyst() {
        JsonNode result = run(analyst, Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "services/services.service_date", "dates", "MONTH")),
                "columns", List.of(Map.of("field", "services.service_type")),
                "filters", List.of(Map.of("field", "services.referred", "values", List.of("true")), OUR_AGENCIES)));

        Map<String, Map<String, Integer>> expected = new HashMap<>();
        for (Child child : children) {
            for (GeneratedChildren.Service service : child.services()) {
                if (service.referred()) {
                    expected.computeIfAbsent(service.date().toString().substring(0, 7), k -> new HashMap<>())
                            .merge(service.type(), 1, Integer::sum);
                }
            }
        }
        assertThat(table(result)).isEqualTo(expected);
        List<String> months = new ArrayList<>();
        result.path("rows").forEach(row -> months.add(row.at("/header/keys/0").asString()));
        assertThat(months).isSorted();
    }

    @Test
    void aCaseWorkerCountsOnlyTheirOwnCases() {
        JsonNode result = run(workerA, Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "registration/current_location")),
                "filters", List.of(Map.of("field", "current_location", "values", List.of("CD-NK")))));

        List<Child> own = children.stream().filter(c -> c.ownerId().equals(workerA.id())
                && c.location().startsWith("CD-NK")).toList();
        assertThat(result.path("total").asInt()).isEqualTo(own.size());
        Map<String, Map<String, Integer>> expected = crossCount(own, c -> List.of(c.location()), c -> List.of("total"));
        Map<String, Map<String, Integer>> actual = new HashMap<>();
        result.path("rows").forEach(row -> {
            if (row.path("total").asInt() > 0) {
                actual.put(row.at("/header/keys/0").asString(), Map.of("total", row.path("total").asInt()));
            }
        });
        assertThat(actual).isEqualTo(expected);
        assertThat(result.toString()).contains("Goma").doesNotContain("Bukavu\"");
    }

    @Test
    void sensitiveUnknownAndFreeTextFieldsAreRefusedByName() {
        HttpResponse<String> sensitive = api.post("/api/v1/reports/run", json(Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "registration/date_of_birth", "dates", "YEAR")))),
                supervisorA.username(), PASSWORD);
        assertThat(sensitive.statusCode()).isEqualTo(403);
        assertThat(sensitive.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(sensitive).path("field").asString()).isEqualTo("registration/date_of_birth");
        assertThat(read(sensitive).path("detail").asString()).contains("sensitive");

        HttpResponse<String> inGroup = api.post("/api/v1/reports/run", json(Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "sex")),
                "filters", List.of(Map.of("field", "family_members.name", "values", List.of("x"))))),
                supervisorA.username(), PASSWORD);
        assertThat(inGroup.statusCode()).isEqualTo(403);

        HttpResponse<String> unknown = api.post("/api/v1/reports/run", json(Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "shoe_size")))), supervisorA.username(), PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(read(unknown).path("detail").asString()).contains("shoe_size");

        HttpResponse<String> twoGroups = api.post("/api/v1/reports/run", json(Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "family_members.relationship")),
                "columns", List.of(Map.of("field", "services.service_type")))), supervisorA.username(), PASSWORD);
        assertThat(twoGroups.statusCode()).isEqualTo(400);

        HttpResponse<String> french = api.send("POST", "/api/v1/reports/run", json(Map.of("module",
                ReportTestModule.MODULE, "rows", List.of(Map.of("field", "given_name")))), supervisorA.username(),
                PASSWORD, "Accept-Language", "fr");
        assertThat(read(french).path("detail").asString()).contains("sensible");
    }

    @Test
    void aFieldInASectionHiddenForTheUsersRoleIsRefusedByNameAndNotOffered() {
        RecordModule base = modules.find(ReportTestModule.MODULE).orElseThrow();
        if (modules.find(HIDDEN_MODULE).isEmpty()) {
            modules.save(new RecordModule(HIDDEN_MODULE, base.recordType(), base.name(), base.sections().stream()
                    .map(s -> s.id().equals("assessment") ? s.withAccess(DefaultRoles.CASE_WORKER, SectionAccess.HIDDEN)
                            : s).toList(), base.registrationSection(), base.numberPattern(), base.workflow(),
                    base.indexedFields(), 0));
        }
        Map<String, Object> definition = Map.of("module", HIDDEN_MODULE,
                "rows", List.of(Map.of("field", "assessment/risk_level")));

        HttpResponse<String> refused = api.post("/api/v1/reports/run", json(definition), workerA.username(), PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(refused).path("field").asString()).isEqualTo("assessment/risk_level");
        assertThat(read(refused).path("detail").asString()).contains("assessment/risk_level")
                .contains("section your role may not see");
        HttpResponse<String> asFilter = api.post("/api/v1/reports/run", json(Map.of("module", HIDDEN_MODULE,
                "rows", List.of(Map.of("field", "sex")),
                "filters", List.of(Map.of("field", "protection_concerns", "values", List.of("abuse"))))),
                workerA.username(), PASSWORD);
        assertThat(asFilter.statusCode()).isEqualTo(403);
        assertThat(read(asFilter).path("field").asString()).isEqualTo("assessment/protection_concerns");
        HttpResponse<String> saved = api.post("/api/v1/reports", json(Map.of("name", "Risk", "definition", definition)),
                workerA.username(), PASSWORD);
        assertThat(saved.statusCode()).as("nor saved").isEqualTo(403);

        JsonNode offered = read(api.get("/api/v1/reports/fields?module=" + HIDDEN_MODULE, workerA.username(),
                PASSWORD));
        List<String> paths = offered.valueStream().map(f -> f.path("path").asString()).toList();
        assertThat(paths).contains("registration/sex").noneMatch(path -> path.startsWith("assessment/"));
        // the supervisor's role sees the section: the same report runs for them
        assertThat(api.post("/api/v1/reports/run", json(definition), supervisorA.username(), PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theReadModelFollowsEveryCaseWriteAtOnceAndIsRepairedFromTheStoredVersions() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("RPW");
        Map<String, Object> bySexAndStatus = Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "sex")), "columns", List.of(Map.of("field", "@status")),
                "filters", List.of(Map.of("field", "@agency", "values", List.of("RPW"))));
        String id = cases.register(worker, ReportTestModule.MODULE, Map.of("sex", "female", "age", 7),
                java.util.Locale.ENGLISH).id();
        assertThat(table(run(analyst, bySexAndStatus))).isEqualTo(Map.of("female", Map.of("OPEN", 1)));

        long version = cases.get(worker, id).version();
        cases.editSection(worker, id, version, "registration", Map.of("sex", "male"), java.util.Locale.ENGLISH);
        assertThat(table(run(analyst, bySexAndStatus))).isEqualTo(Map.of("male", Map.of("OPEN", 1)));
        cases.close(worker, id, null, "Reunified with the family");
        assertThat(table(run(analyst, bySexAndStatus))).isEqualTo(Map.of("male", Map.of("CLOSED", 1)));

        // a write that reached MongoDB but not the read model (a crash in between): repaired by the stored version
        Document stored = database.getCollection("cases").find(Filters.eq("_id", id)).first();
        database.getCollection("cases").updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("sections.registration.data.sex", "female"),
                Updates.set("version", stored.get("version", Number.class).longValue() + 1)));
        assertThat(table(run(analyst, bySexAndStatus))).isEqualTo(Map.of("male", Map.of("CLOSED", 1)));
        assertThat(reportIndex.repair()).isGreaterThanOrEqualTo(1);
        assertThat(table(run(analyst, bySexAndStatus))).isEqualTo(Map.of("female", Map.of("CLOSED", 1)));

        // a rebuild from scratch (administrators) gives the same figures as the read model kept in step
        JsonNode before = run(supervisorA, Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "family_members.relationship")),
                "columns", List.of(Map.of("field", "@riskLevel"))));
        assertThat(api.post("/api/v1/reports/index/rebuild", "", workerA.username(), PASSWORD).statusCode())
                .isEqualTo(403);
        HttpResponse<String> rebuilt = api.post("/api/v1/reports/index/rebuild", "", "admin",
                PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(read(rebuilt).path("indexed").asLong()).isGreaterThanOrEqualTo(children.size());
        JsonNode after = run(supervisorA, Map.of("module", ReportTestModule.MODULE,
                "rows", List.of(Map.of("field", "family_members.relationship")),
                "columns", List.of(Map.of("field", "@riskLevel"))));
        assertThat(table(after)).isEqualTo(table(before)).isNotEmpty();
    }

    @Test
    void aSavedReportIsSharedWithARoleRecomputedOnEachRunAndExportedAsAWorkbook() throws Exception {
        HttpResponse<String> created = api.post("/api/v1/reports", json(Map.of("name", "Children by sex",
                "chart", "PIE", "sharedWithRoles", List.of(DefaultRoles.DATA_ANALYST),
                "definition", Map.of("module", ReportTestModule.MODULE, "rows", List.of(Map.of("field", "sex")),
                        "filters", List.of(OUR_AGENCIES)))),
                supervisorA.username(), PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = read(created).path("id").asString();

        assertThat(read(api.get("/api/v1/reports", analyst.username(), PASSWORD)).toString()).contains(id);
        assertThat(api.get("/api/v1/reports/" + id, workerA.username(), PASSWORD).statusCode()).isEqualTo(404);

        int before = read(api.get("/api/v1/reports/" + id + "/result", analyst.username(), PASSWORD)).path("total")
                .asInt();
        assertThat(before).isEqualTo(children.size());
        // in a third agency, so that the other tests' expectations for agency RPA stay as generated
        cases.register(new CaseTestUsers(accounts).worker("RPC"), ReportTestModule.MODULE,
                Map.of("sex", "female", "age", 4), java.util.Locale.ENGLISH);
        assertThat(read(api.get("/api/v1/reports/" + id + "/result", analyst.username(), PASSWORD)).path("total")
                .asInt()).isEqualTo(before + 1);

        HttpResponse<byte[]> xlsx = api.getBytes("/api/v1/reports/" + id + "/export?format=xlsx",
                analyst.username(), PASSWORD);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("Children-by-sex.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Report");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Children by sex");
            Row header = sheet.getRow(3);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Sex");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Total");
            Map<String, Double> counts = new HashMap<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                counts.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r).getCell(2)
                        .getNumericCellValue());
            }
            long females = children.stream().filter(c -> "female".equals(c.sex())).count() + 1;
            assertThat(counts).containsEntry("Female", (double) females).containsEntry("Total",
                    (double) children.size() + 1);
        }
        HttpResponse<String> csv = api.get("/api/v1/reports/" + id + "/export?format=csv", analyst.username(),
                PASSWORD);
        assertThat(csv.body()).startsWith("Sex,Total,Total\r\n").contains("Female,");
        assertThat(api.get("/api/v1/reports/" + id + "/export?format=csv", workerA.username(), PASSWORD)
                .statusCode()).as("a case worker may not export").isEqualTo(403);
        assertThat(api.get("/api/v1/reports/" + id + "/export?format=pdf", analyst.username(), PASSWORD)
                .statusCode()).isEqualTo(400);
    }

    private JsonNode run(KinshipUser user, Map<String, Object> definition) {
        HttpResponse<String> response = api.post("/api/v1/reports/run", json(definition), user.username(), PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    static Map<String, Map<String, Integer>> crossCount(List<Child> children, Function<Child, List<String>> rows,
            Function<Child, List<String>> columns) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Child child : children) {
            for (String row : Set.copyOf(rows.apply(child))) {
                for (String column : Set.copyOf(columns.apply(child))) {
                    counts.computeIfAbsent(row, k -> new HashMap<>()).merge(column, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The non-zero cells of a result by row key and column key (a single-column report keys its column "total"). */
    static Map<String, Map<String, Integer>> table(JsonNode result) {
        List<String> columns = columnKeys(result);
        Map<String, Map<String, Integer>> cells = new HashMap<>();
        for (JsonNode row : result.path("rows")) {
            String key = row.at("/header/keys/0").asString();
            for (int i = 0; i < columns.size(); i++) {
                int value = row.path("cells").get(i).asInt();
                if (value != 0) {
                    cells.computeIfAbsent(key, k -> new HashMap<>()).put(columns.get(i), value);
                }
            }
        }
        return cells;
    }

    static List<String> columnKeys(JsonNode result) {
        List<String> keys = new ArrayList<>();
        result.path("columns").forEach(c -> keys.add(c.path("keys").isEmpty() ? "total" : c.at("/keys/0").asString()));
        return keys;
    }

    static String blank(String value) {
        return value == null ? "" : value;
    }

    static String ageRange(Integer age) {
        if (age == null) {
            return "";
        }
        return age < 5 ? "0-4" : age < 12 ? "5-11" : age < 18 ? "12-17" : "18+";
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
    }
}

package org.kinship.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModuleService;
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
class AggregateIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = CaseTestUsers.PASSWORD;
    private static final int THRESHOLD = 3;
    private static final String PERIOD = "2026-01";

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
    AggregateService aggregates;
    @Autowired
    MutableClock clock;

    ApiClient api;
    KinshipUser supervisorA;
    KinshipUser supervisorB;
    KinshipUser coordinator;
    List<Child> children;
    String definitionId = "rpt-monthly";

    @BeforeAll
    void generate() {
        api = new ApiClient(port);
        ReportTestModule.install(forms, lookups, modules);
        CaseTestUsers users = new CaseTestUsers(accounts);
        KinshipUser workerA = users.worker("AGA");
        KinshipUser workerB = users.worker("AGB");
        supervisorA = users.supervisor("AGA");
        supervisorB = users.supervisor("AGB");
        coordinator = users.create(DefaultRoles.DATA_ANALYST, "COORD");
        children = new GeneratedChildren(11).register(cases, List.of(workerA, workerB), 44, clock,
                Instant.parse("2026-01-01T10:00:00Z")).children();
        aggregates.publish(coordinator, new AggregateDefinition(definitionId, 0, Map.of("en", "Monthly"),
                ReportTestModule.MODULE, "@registeredAt", THRESHOLD, List.of(
                        new AggregateCategory("sex", Map.of("en", "Sex"), "sex", List.of(), null, false),
                        new AggregateCategory("age_group", Map.of("en", "Age"), "age", List.of(0, 5, 12, 18), null,
                                false),
                        new AggregateCategory("location", Map.of("en", "Location"), "current_location", List.of(),
                                null, false),
                        new AggregateCategory("concern", Map.of("en", "Concerns"), "protection_concerns", List.of(),
                                null, true),
                        new AggregateCategory("services", Map.of("en", "Services"), "services.service_type",
                                List.of(), "services.service_date", false))), Locale.ENGLISH);
    }

    @Test
    void anAgencyExportHasNoIdentifyingDataAndSuppressesSmallCells() {
        HttpResponse<String> csv = api.get("/api/v1/aggregates/" + definitionId + "/export?period=" + PERIOD
                + "&format=csv", supervisorA.username(), PASSWORD);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        String text = csv.body();
        assertThat(text).startsWith("kinship-aggregate,1\r\nagency,AGA\r\ndefinition," + definitionId
                + "\r\ndefinitionVersion,1\r\nperiod," + PERIOD + "\r\n");
        for (Child child : children) {
            assertThat(text).doesNotContain(child.name()).doesNotContain(child.caseId())
                    .doesNotContain(child.dateOfBirth().toString());
        }
        assertThat(text).doesNotContainPattern("AG[AB]-R-\\d+");

        List<Child> january = children.stream().filter(c -> c.agency().equals("AGA"))
                .filter(c -> YearMonth.from(c.registeredAt().atZone(ZoneOffset.UTC)).toString().equals(PERIOD)).toList();
        Map<String, Long> bySex = new HashMap<>();
        january.forEach(c -> bySex.merge(c.sex() == null ? "" : c.sex(), 1L, Long::sum));
        Map<String, List<String>> published = cells(text, "sex");
        for (Map.Entry<String, List<String>> cell : published.entrySet()) {
            long expected = bySex.getOrDefault(cell.getKey(), 0L);
            if (cell.getValue().get(2).equals("yes")) {
                assertThat(cell.getValue().get(0)).isEmpty();
            } else {
                assertThat(Long.parseLong(cell.getValue().get(0))).isEqualTo(expected);
            }
        }
        for (List<String> row : allCells(text)) {
            if (!row.get(3).isEmpty()) {
                long count = Long.parseLong(row.get(3));
                assertThat(count == 0 || count >= THRESHOLD).as("published count %s", row).isTrue();
            }
            if (row.get(0).equals("concern")) {
                assertThat(row.get(3)).as("percentages only").isEmpty();
            }
        }
        assertThat(allCells(text).stream().anyMatch(row -> row.get(5).equals("yes"))).as("some cell suppressed")
                .isTrue();
    }

    @Test
    void twoAgenciesFilesAddUpWhenConsolidatedAndEachFigureNamesItsFiles() throws Exception {
        byte[] fileA = api.getBytes("/api/v1/aggregates/" + definitionId + "/export?period=" + PERIOD + "&format=xlsx",
                supervisorA.username(), PASSWORD).body();
        byte[] fileB = api.get("/api/v1/aggregates/" + definitionId + "/export?period=" + PERIOD + "&format=csv",
                supervisorB.username(), PASSWORD).body().getBytes(StandardCharsets.UTF_8);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(fileA))) {
            Sheet sheet = workbook.getSheet("Aggregate");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("AGA");
            assertThat(sheet.getRow(8).getCell(3).getStringCellValue()).isEqualTo("count");
        }

        HttpResponse<String> imported = importFiles(Map.of("aga.xlsx", fileA, "agb.csv", fileB));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode consolidated = read(api.get("/api/v1/aggregates/consolidated?definition=" + definitionId + "&period="
                + PERIOD, coordinator.username(), PASSWORD));
        assertThat(consolidated.path("agencies").toString()).isEqualTo("[\"AGA\",\"AGB\"]");

        JsonNode producedA = read(api.get("/api/v1/aggregates/" + definitionId + "/report?period=" + PERIOD,
                supervisorA.username(), PASSWORD));
        JsonNode producedB = read(api.get("/api/v1/aggregates/" + definitionId + "/report?period=" + PERIOD,
                supervisorB.username(), PASSWORD));
        int checked = 0;
        for (JsonNode cell : consolidated.path("cells")) {
            if (cell.path("percentagesOnly").asBoolean()) {
                assertThat(cell.path("total").isNull()).isTrue();
                continue;
            }
            long expected = published(producedA, cell) + published(producedB, cell);
            assertThat(cell.path("total").asLong()).as(cell.toString()).isEqualTo(expected);
            for (JsonNode source : cell.path("sources")) {
                assertThat(source.path("fileName").asString()).isEqualTo(
                        source.path("agency").asString().equals("AGA") ? "aga.xlsx" : "agb.csv");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(5);

        // the total of new cases by sex adds up to the cases of both agencies in the month, less suppressed cells
        long january = children.stream().filter(c -> YearMonth.from(c.registeredAt().atZone(ZoneOffset.UTC))
                .toString().equals(PERIOD)).count();
        long sexTotal = 0;
        boolean suppressed = false;
        for (JsonNode cell : consolidated.path("cells")) {
            if (cell.path("category").asString().equals("sex")) {
                sexTotal += cell.path("total").asLong();
                suppressed |= cell.path("includesSuppressed").asBoolean();
            }
        }
        if (suppressed) {
            assertThat(sexTotal).isLessThan(january);
        } else {
            assertThat(sexTotal).isEqualTo(january);
        }
    }

    @Test
    void malformedUnknownAgencyAndOtherDefinitionFilesAreRefusedAndNothingIsMerged() {
        String good = api.get("/api/v1/aggregates/" + definitionId + "/export?period=" + PERIOD + "&format=csv",
                supervisorA.username(), PASSWORD).body();
        String before = api.get("/api/v1/aggregates/consolidated?definition=" + definitionId + "&period=2026-01",
                coordinator.username(), PASSWORD).body();

        HttpResponse<String> malformed = importFiles(Map.of("good.csv", good.getBytes(StandardCharsets.UTF_8),
                "broken.csv", good.replace("definitionVersion,1", "definitionVersion").getBytes(StandardCharsets.UTF_8)));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(read(malformed).path("file").asString()).isEqualTo("broken.csv");
        assertThat(read(malformed).path("detail").asString()).contains("broken.csv", "line 4");

        HttpResponse<String> unknownAgency = importFiles(Map.of("x.csv",
                good.replace("agency,AGA", "agency,NOWHERE").getBytes(StandardCharsets.UTF_8)));
        assertThat(unknownAgency.statusCode()).isEqualTo(422);
        assertThat(read(unknownAgency).path("detail").asString()).contains("NOWHERE");

        HttpResponse<String> otherDefinition = importFiles(Map.of("y.csv",
                good.replace("definition," + definitionId, "definition,other-report").getBytes(StandardCharsets.UTF_8)));
        assertThat(otherDefinition.statusCode()).isEqualTo(422);
        assertThat(read(otherDefinition).path("detail").asString()).contains("other-report");

        HttpResponse<String> smallCell = importFiles(Map.of("z.csv", good.replaceFirst(",yes\r\n", ",no\r\n")
                .replaceFirst("(\r\n[a-z_]+,[^,\r\n]*,[^,\r\n]*),,,no\r\n", "$1,1,,no\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(smallCell.statusCode()).isEqualTo(422);

        assertThat(api.get("/api/v1/aggregates/consolidated?definition=" + definitionId + "&period=2026-01",
                coordinator.username(), PASSWORD).body()).isEqualTo(before);
        assertThat(importFiles(Map.of("a.csv", good.getBytes(StandardCharsets.UTF_8)), supervisorA).statusCode())
                .as("only a coordination body imports").isEqualTo(403);
    }

    private static long published(JsonNode report, JsonNode cell) {
        for (JsonNode own : report.path("cells")) {
            if (own.path("category").asString().equals(cell.path("category").asString())
                    && own.path("value").asString().equals(cell.path("value").asString())) {
                return own.path("count").isNull() ? 0 : own.path("count").asLong();
            }
        }
        return 0;
    }

    /** value -> [count, percent, suppressed] of one category. */
    private static Map<String, List<String>> cells(String csv, String category) {
        Map<String, List<String>> cells = new HashMap<>();
        for (List<String> row : allCells(csv)) {
            if (row.get(0).equals(category)) {
                cells.put(row.get(1), List.of(row.get(3), row.get(4), row.get(5)));
            }
        }
        return cells;
    }

    private static List<List<String>> allCells(String csv) {
        List<List<String>> rows = new ArrayList<>();
        String[] lines = csv.split("\r\n");
        for (int i = 9; i < lines.length; i++) {
            rows.add(List.of(lines[i].split(",", -1)));
        }
        return rows;
    }

    private HttpResponse<String> importFiles(Map<String, byte[]> files) {
        return importFiles(files, coordinator);
    }

    private HttpResponse<String> importFiles(Map<String, byte[]> files, KinshipUser user) {
        String boundary = "kinship-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/aggregates/import?definition=" + definitionId + "&period=" + PERIOD))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

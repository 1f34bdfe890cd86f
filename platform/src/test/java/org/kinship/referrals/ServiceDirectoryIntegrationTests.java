package org.kinship.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.referrals.ReferralWorld.read;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.cases.CaseFiles;
import org.kinship.consent.ConsentService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class ServiceDirectoryIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    UserAccountService accounts;
    @Autowired
    ConsentService consent;
    @Autowired
    AuditLog audit;

    ReferralWorld world;
    String agency;

    @BeforeEach
    void setUp() {
        org.kinship.cases.CaseForms.publish(context);
        world = new ReferralWorld(port, accounts, consent);
        agency = ReferralWorld.agency("SD");
        world.serviceType("health");
        world.serviceType("psychosocial");
    }

    @Test
    void providersAreCreatedSearchedAndChangedOnTheVersionTheyWereReadAtWithEveryChangeAudited() {
        String id = world.provider("Health post " + agency, agency, List.of("health"), List.of("CD-NK"),
                Map.of("contact", Map.of("person", "Focal point", "phone", "+243 000", "email", "fp@example.org",
                        "address", "Goma")));

        JsonNode found = read(world.asAdmin("GET", "/api/v1/providers?q=" + agency + "&service=health&location=CD-NK-GOMA",
                null));
        assertThat(found).hasSize(1);
        assertThat(read(world.asAdmin("GET", "/api/v1/providers?q=" + agency + "&location=CD-SK", null))).isEmpty();
        JsonNode types = read(world.asAdmin("GET", "/api/v1/services", null));
        assertThat(types.toString()).contains("\"code\":\"health\"");

        String changed = ReferralWorld.json(Map.of("name", "Health post " + agency, "agencyCode", agency,
                "services", List.of("health", "psychosocial"), "locations", List.of("CD-NK"), "responseHours", 24));
        assertThat(world.api.put("/api/v1/providers/" + id, changed, PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD, "If-Match", "0").statusCode()).isEqualTo(200);
        HttpResponse<String> stale = world.api.put("/api/v1/providers/" + id, changed, PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD, "If-Match", "0");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(read(world.asAdmin("GET", "/api/v1/providers/" + id, null)).path("services")).hasSize(2);
        assertThat(audit.search(new AuditQuery(null, "config.change", "provider", id, null, null), 0, 10).entries())
                .hasSize(2);
    }

    @Test
    void anInvalidProviderIsRefusedWithEachFieldNamedAndAWorkerMayNotChangeTheDirectory() {
        HttpResponse<String> invalid = world.asAdmin("POST", "/api/v1/providers", ReferralWorld.json(Map.of(
                "name", "", "agencyCode", agency, "services", List.of("astrology"), "locations", List.of("CD"),
                "minAge", 12, "maxAge", 5, "responseHours", 0)));

        assertThat(invalid.statusCode()).isEqualTo(422);
        List<String> columns = new ArrayList<>();
        read(invalid).path("errors").forEach(e -> columns.add(e.path("column").asString()));
        assertThat(columns).contains("name", "services", "max_age", "response_hours");
        assertThat(read(invalid).path("errors").toString()).contains("astrology");

        KinshipUser worker = world.users.worker(agency);
        assertThat(world.post(worker, "/api/v1/providers", Map.of("name", "x")).statusCode()).isEqualTo(403);
        assertThat(world.get(worker, "/api/v1/providers").statusCode()).as("workers read the directory")
                .isEqualTo(200);
    }

    @Test
    void theDirectoryIsExportedAsASpreadsheetAndImportedBackAsCsv() throws Exception {
        String id = world.provider("Export " + agency, agency, List.of("psychosocial"), List.of("CD-SK"),
                Map.of("minAge", 6, "sexes", List.of("female"), "languages", List.of("sw")));

        HttpResponse<byte[]> xlsx = world.api.getBytes("/api/v1/providers/export?format=xlsx",
                PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("name");
            boolean listed = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                listed |= sheet.getRow(r).getCell(0).getStringCellValue().equals(id);
            }
            assertThat(listed).isTrue();
        }
        HttpResponse<String> importedXlsx = send("/api/v1/providers/import?format=xlsx", xlsx.body(),
                DirectoryTypes.XLSX);
        assertThat(importedXlsx.statusCode()).as(importedXlsx.body()).isEqualTo(200);

        String csv = "id,name,agency,services,locations,min_age,max_age,sexes,languages,response_hours,active\r\n"
                + id + ",\"Renamed, " + agency + "\"," + agency + ",psychosocial;health,CD-SK,6,,female,sw,12,true\r\n"
                + ",New centre " + agency + "," + agency + ",health,CD,,,,,72,\r\n";
        HttpResponse<String> imported = send("/api/v1/providers/import?format=csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(read(imported).path("imported").asInt()).isEqualTo(2);
        JsonNode renamed = read(world.asAdmin("GET", "/api/v1/providers/" + id, null));
        assertThat(renamed.path("name").asString()).isEqualTo("Renamed, " + agency);
        assertThat(renamed.path("responseHours").asInt()).isEqualTo(12);
        assertThat(read(world.asAdmin("GET", "/api/v1/providers?q=New centre " .replace(" ", "%20") + agency, null)))
                .hasSize(1);
    }

    @Test
    void aMalformedSheetIsRefusedWithRowAndColumnNamedAndNothingIsImported() {
        String csv = "name,agency,services,locations,response_hours,colour\r\n"
                + "Fine " + agency + "," + agency + ",health,CD,24,\r\n"
                + "Bad " + agency + "," + agency + ",health,CD,soon,\r\n";
        HttpResponse<String> unknownColumn = send("/api/v1/providers/import?format=csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(unknownColumn.statusCode()).isEqualTo(422);
        assertThat(read(unknownColumn).path("errors").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(read(unknownColumn).path("errors").get(0).path("column").asString()).isEqualTo("F (colour)");

        String badCell = "name,agency,services,locations,response_hours\r\n"
                + "Fine " + agency + "," + agency + ",health,CD,24\r\n"
                + "Bad " + agency + "," + agency + ",unknown_service,CD,soon\r\n";
        HttpResponse<String> refused = send("/api/v1/providers/import?format=csv",
                badCell.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(refused.statusCode()).isEqualTo(422);
        List<String> named = new ArrayList<>();
        read(refused).path("errors").forEach(e -> named.add(e.path("row").asInt() + ":" + e.path("column").asString()));
        assertThat(named).contains("3:E (response_hours)");
        assertThat(read(world.asAdmin("GET", "/api/v1/providers?q=" + agency, null))).as("nothing imported").isEmpty();
        HttpResponse<String> notXlsx = send("/api/v1/providers/import?format=xlsx", "not a workbook".getBytes(),
                DirectoryTypes.XLSX);
        assertThat(notXlsx.statusCode()).isEqualTo(422);
    }

    @Test
    void suggestionsWalkUpTheLocationHierarchyAndFitTheChild() {
        String near = world.provider("Near " + agency, agency, List.of("psychosocial"), List.of("CD-NK"),
                Map.of("maxAge", 17));
        String far = world.provider("Far " + agency, agency, List.of("psychosocial"), List.of("CD"), Map.of());
        String boysOnly = world.provider("Boys " + agency, agency, List.of("psychosocial"), List.of("CD-NK"),
                Map.of("sexes", List.of("male")));
        world.provider("Adults " + agency, agency, List.of("psychosocial"), List.of("CD-NK"), Map.of("minAge", 18));
        world.provider("South " + agency, agency, List.of("psychosocial"), List.of("CD-SK"), Map.of());
        KinshipUser worker = world.users.worker(agency);
        String caseId = world.registerCase(worker, CaseFiles.aRegisteredCase().livingIn("CD-NK-GOMA").aged(9)
                .ofSex("female"));

        JsonNode suggested = read(world.get(worker, "/api/v1/cases/" + caseId + "/suggestions?service=psychosocial"));

        List<String> ids = new ArrayList<>();
        suggested.forEach(s -> ids.add(s.path("provider").path("id").asString()));
        assertThat(ids).containsSubsequence(near, far).doesNotContain(boysOnly);
        assertThat(suggested.toString()).doesNotContain("Adults " + agency).doesNotContain("South " + agency);
        assertThat(world.get(world.users.worker(agency), "/api/v1/cases/" + caseId + "/suggestions?service=psychosocial")
                .statusCode()).as("another worker's case").isEqualTo(404);
    }

    private HttpResponse<String> send(String path, byte[] body, String type) {
        return world.api.send(HttpRequest.newBuilder(URI.create(world.api.url(path)))
                .header("Authorization", ApiClient.basic(PlatformIntegrationTest.ADMIN,
                        PlatformIntegrationTest.ADMIN_PASSWORD))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Media types of the spreadsheet API. */
    static final class DirectoryTypes {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}

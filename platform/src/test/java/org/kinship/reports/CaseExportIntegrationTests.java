package org.kinship.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModuleService;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.reports.GeneratedChildren.Child;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseExportIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = CaseTestUsers.PASSWORD;
    private static final List<String> FIELDS = List.of("@caseNumber", "sex", "given_name",
            "assessment/protection_concerns", "family_members.relationship");

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
    ConsentService consents;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;

    KinshipUser supervisor;
    KinshipUser worker;
    List<Child> children;
    Child refused;

    @BeforeAll
    void generate() {
        ReportTestModule.install(forms, lookups, modules);
        CaseTestUsers users = new CaseTestUsers(accounts);
        worker = users.worker("EXA");
        KinshipUser other = users.worker("EXB");
        supervisor = users.supervisor("EXA");
        children = new GeneratedChildren(5).register(cases, List.of(worker, other), 16, clock,
                Instant.parse("2026-02-01T08:00:00Z")).children();
        refused = children.stream().filter(c -> c.agency().equals("EXA")).findFirst().orElseThrow();
        consents.record(supervisor, refused.caseId(), Map.of(ConsentPurpose.REPORTING, ConsentDecision.REFUSED,
                ConsentPurpose.SERVICES, ConsentDecision.GIVEN), DataProtectionWishes.NONE, 0);
    }

    @Test
    void identifyingAndSensitiveFieldsAreNamedAndNeedAReason() {
        HttpResponse<byte[]> warnings = post("/api/v1/exports/cases/warnings", request(null), supervisor);
        JsonNode list = JSON.readTree(warnings.body());
        assertThat(list.valueStream().map(w -> w.path("field").asString() + ":" + w.path("kind").asString()))
                .containsExactly("@caseNumber:identifying", "registration/given_name:sensitive");

        HttpResponse<byte[]> refusedExport = post("/api/v1/exports/cases", request("  short "), supervisor);
        assertThat(refusedExport.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refusedExport.body());
        assertThat(problem.path("warnings").size()).isEqualTo(2);
        assertThat(problem.at("/warnings/1/message").asString()).isEqualTo("Given name is sensitive: the file will "
                + "hold it unencrypted");

        assertThat(post("/api/v1/exports/cases", request("Monthly case review with UNHCR"), worker).statusCode())
                .as("case workers may not export").isEqualTo(403);
    }

    @Test
    void theExportHoldsTheAgencysCasesWithholdsTheRefusingChildsIdentityAndIsAudited() throws Exception {
        String reason = "Quarterly case conference with the health partner";
        HttpResponse<byte[]> export = post("/api/v1/exports/cases", request(reason), supervisor);
        assertThat(export.statusCode()).isEqualTo(200);
        List<Child> agency = children.stream().filter(c -> c.agency().equals("EXA")).toList();
        assertThat(export.headers().firstValue("X-Export-Rows")).hasValue(String.valueOf(agency.size()));
        assertThat(export.headers().firstValue("X-Export-Withheld")).hasValue("1");

        Map<String, List<String>> rowsByName = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = workbook.getSheet("Cases");
            Row header = sheet.getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue())).containsExactly("Case number", "Sex", "Given name");
            assertThat(sheet.getLastRowNum()).isEqualTo(agency.size());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = List.of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
                        row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue(),
                        row.getCell(4).getStringCellValue());
                rowsByName.put(values.get(2), values);
            }
        }
        assertThat(rowsByName).containsKey("[withheld]").doesNotContainKey(refused.name());
        List<String> withheld = rowsByName.get("[withheld]");
        assertThat(withheld.get(0)).isEqualTo("[withheld]");
        assertThat(withheld.get(1)).isEqualTo(refused.sex() == null ? "" : ReportTestModule.capital(refused.sex()));
        Child shown = agency.stream().filter(c -> c != refused).findFirst().orElseThrow();
        assertThat(rowsByName.get(shown.name()).get(3)).isEqualTo(String.join(", ",
                shown.concerns().stream().map(ReportTestModule::capital).toList()));
        assertThat(rowsByName.get(shown.name()).get(4)).isEqualTo(String.join("; ",
                shown.members().stream().map(m -> ReportTestModule.capital(m.relationship())).toList()));

        String exportId = export.headers().firstValue("X-Export-Id").orElseThrow();
        List<AuditEntry> entries = audit.search(new AuditQuery(supervisor.username(), "export", "case_list", exportId,
                null, null), 0, 10).entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().details()).containsEntry("rows", String.valueOf(agency.size()))
                .containsEntry("withheld", "1").containsEntry("flaggedFields", "@caseNumber,registration/given_name");
        assertThat(entries.getFirst().details().toString()).doesNotContain(reason);
    }

    private static Map<String, Object> request(String reason) {
        Map<String, Object> request = new HashMap<>();
        request.put("module", ReportTestModule.MODULE);
        request.put("fields", FIELDS);
        request.put("format", "XLSX");
        if (reason != null) {
            request.put("reason", reason);
        }
        return request;
    }

    private HttpResponse<byte[]> post(String path, Object body, KinshipUser user) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

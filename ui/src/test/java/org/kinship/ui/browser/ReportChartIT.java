package org.kinship.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.reports.ChartType;
import org.kinship.reports.GeneratedChildren;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportDimension;
import org.kinship.reports.ReportFilter;
import org.kinship.reports.ReportMeasure;
import org.kinship.reports.ReportService;
import org.kinship.reports.ReportTestModule;
import org.kinship.reports.SavedReport;
import org.kinship.security.KinshipUser;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The vendored Chart.js (ADR 0013) loads in the real application with Vaadin's pre-compiled bundle and draws a
 * saved report's chart into its canvas.
 */
@PlatformIntegrationTest
class ReportChartIT extends BrowserTest {

    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    RecordModuleService modules;
    @Autowired
    CaseFileService cases;
    @Autowired
    ReportService reports;
    @Autowired
    MutableClock clock;

    @Test
    void aSavedReportsPieChartIsDrawnByChartJs() {
        ReportTestModule.install(forms, lookups, modules);
        CaseTestUsers users = new CaseTestUsers(accounts);
        KinshipUser supervisor = users.supervisor("CHART");
        new GeneratedChildren(4).register(cases, List.of(users.worker("CHART")), 6, clock,
                Instant.parse("2026-07-01T09:00:00Z"));
        SavedReport report = reports.create(supervisor, "Children by sex", new ReportDefinition(
                ReportTestModule.MODULE, List.of(ReportDimension.of("sex")), List.of(),
                List.of(ReportFilter.in("@agency", "CHART")), ReportMeasure.COUNT), ChartType.PIE, Set.of(),
                Locale.ENGLISH);

        Browsers.signIn(browser, wait, port, supervisor.username(), CaseTestUsers.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-view")));
        browser.get("http://127.0.0.1:" + port + "/reports?report=" + report.id());

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-chart[data-rendered='pie']")));
        assertThat(browser.executeScript("return typeof window.Chart")).isEqualTo("function");
        Object painted = browser.executeScript("""
                const canvas = document.querySelector('#report-chart canvas');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let coloured = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { coloured++; } }
                return [canvas.width, coloured];
                """);
        List<?> figures = (List<?>) painted;
        assertThat(((Number) figures.get(0)).longValue()).isGreaterThan(100);
        assertThat(((Number) figures.get(1)).longValue()).as("pixels drawn").isGreaterThan(1000);
        assertThat(browser.findElement(By.id("report-table")).getText()).contains("Female");
    }
}

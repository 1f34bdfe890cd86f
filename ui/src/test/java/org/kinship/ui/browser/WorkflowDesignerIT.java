package org.kinship.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kinship.testing.PlatformIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The workflow designer in headless Chromium: the vendored bpmn-js script and stylesheets load at runtime (no
 * frontend bundle rebuild), the bundled case process is drawn (its user tasks are shapes on the canvas), and an
 * edit made in the browser reaches the server on deploy (the XML comes back through a server round trip).
 */
@PlatformIntegrationTest
class WorkflowDesignerIT extends BrowserTest {

    @Test
    void theModelerDrawsTheBundledProcessAndABrowserEditIsDeployed() {
        Browsers.signIn(browser, wait, port, PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-view")));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-workflows"))).click();
        WebElement latest = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wf-latest")));
        wait.until(driver -> latest.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals("childProtectionCase")).findFirst().map(cell -> {
                    cell.click();
                    return true;
                }).orElse(false));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id^='wf-open-childProtectionCase-']")))
                .click();

        try {
            wait.until(driver -> browser.findElements(By.cssSelector("#wf-modeler[data-imported]")).size() == 1);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The modeler showed nothing: " + diagnostics(), e);
        }
        assertThat(browser.findElement(By.id("wf-modeler")).getAttribute("data-imported")).as(diagnostics())
                .isEqualTo("ok");
        WebElement modeler = browser.findElement(By.id("wf-modeler"));
        assertThat(modeler.findElements(By.cssSelector(".djs-container"))).hasSize(1);
        WebElement assessment = modeler.findElement(
                By.cssSelector("g.djs-shape[data-element-id='initialAssessment']"));
        assertThat(assessment.findElements(By.cssSelector("rect")).size()).isPositive();
        assertThat(modeler.findElements(By.cssSelector("g.djs-shape[data-element-id='casePlanApproval']")))
                .hasSize(1);
        assertThat((Boolean) browser.executeScript("return typeof window.BpmnJS === 'function'")).isTrue();

        // an edit in the browser: the process gets a new id, which only the browser's XML carries
        browser.executeScript("""
                const modeler = document.getElementById('wf-modeler').$modeler;
                modeler.get('modeling').updateProperties(modeler.get('canvas').getRootElement(),
                    {id: 'browserEditedProcess'});
                """);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wf-deploy"))).click();

        WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wf-latest")));
        wait.until(driver -> grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().equals("browserEditedProcess")));
        assertThat(browser.findElement(By.id("wf-message")).getText())
                .isEqualTo("Deployed browserEditedProcess as version 1.");
    }

    /** What the page knows about the modeler and the vendored files, for a failure message. */
    private String diagnostics() {
        return String.valueOf(browser.executeScript("""
                const host = document.getElementById('wf-modeler');
                return JSON.stringify({url: location.href, bpmnJs: typeof window.BpmnJS,
                    imported: host && host.getAttribute('data-imported'),
                    source: (document.getElementById('wf-source') || {}).textContent,
                    vendor: performance.getEntriesByType('resource').filter(e => e.name.includes('vendor'))
                        .map(e => e.name + ' ' + e.responseStatus)});
                """));
    }
}

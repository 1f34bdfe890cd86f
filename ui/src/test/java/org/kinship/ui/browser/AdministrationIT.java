package org.kinship.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.kinship.security.UserAccount;
import org.kinship.testing.PlatformIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The real application in headless Chromium: an administrator creates a user and finds it in the audit log. */
@PlatformIntegrationTest
class AdministrationIT extends BrowserTest {


    @Test
    void anAdministratorCreatesAUserAndTheAuditLogShowsTheCreation() {
        Browsers.signIn(browser, wait, port, PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-view")));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-users"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-user"))).click();
        type("user-username", "browser.created");
        type("user-display-name", "Created In Browser");
        type("user-password", "Juniper-Harbour-Kite-6");
        browser.findElement(By.id("save-user")).click();
        wait.until(driver -> accounts.findByUsername("browser.created").isPresent());
        UserAccount created = accounts.findByUsername("browser.created").orElseThrow();

        browser.findElement(By.id("nav-audit")).click();
        WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-grid")));
        wait.until(driver -> grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().contains(created.id())));
        assertThat(grid.findElements(By.tagName("vaadin-grid-cell-content"))).anySatisfy(
                cell -> assertThat(cell.getText()).isEqualTo("permission.change"));
    }

    private void type(String id, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input"))).sendKeys(text);
    }
}

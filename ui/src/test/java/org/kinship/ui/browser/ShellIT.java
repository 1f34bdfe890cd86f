package org.kinship.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.security.DefaultRoles;
import org.kinship.testing.PlatformIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The real application in headless Chromium: sign in, see the shell in English, switch to Arabic. */
@PlatformIntegrationTest
class ShellIT extends BrowserTest {

    private static final String PASSWORD = "Browser-Test-Lantern-5";


    @Test
    void aCaseWorkerSignsInAndSeesTheShellInEnglishThenInArabicRightToLeft() {
        if (accounts.findAgency("HOPE").isEmpty()) {
            accounts.createAgency("HOPE", "Hope for Children");
        }
        accounts.create("browser.worker", PASSWORD, "Amina Worker", Set.of(DefaultRoles.CASE_WORKER), "HOPE");

        signIn("browser.worker", PASSWORD);

        WebElement home = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-view")));
        assertThat(home.getText()).contains("Welcome, Amina Worker", "Your agency: Hope for Children");
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Signed in as Amina Worker");
        assertThat(direction()).isNotEqualTo("rtl");

        chooseLanguage("العربية");

        wait.until(driver -> "rtl".equals(direction()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("home-view"), "مرحبًا، Amina Worker"));
        assertThat(browser.findElement(By.id("logout")).getText()).isEqualTo("تسجيل الخروج");
        assertThat(browser.executeScript("return document.documentElement.lang")).isEqualTo("ar");
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheSignInPageWithAnError() {
        accounts.create("browser.other", PASSWORD, "Other Worker", Set.of(DefaultRoles.CASE_WORKER), null);

        signIn("browser.other", "not-the-password");

        wait.until(ExpectedConditions.urlContains("error"));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-login-form[error]")));
        wait.until(ExpectedConditions.textToBePresentInElement(form, "The user name or password is not correct."));
        assertThat(browser.findElements(By.id("home-view"))).isEmpty();
    }

    private void signIn(String username, String password) {
        Browsers.signIn(browser, wait, port, username, password);
    }

    private void chooseLanguage(String label) {
        WebElement select = wait.until(ExpectedConditions.elementToBeClickable(By.id("language-select")));
        select.click();
        WebElement item = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']")));
        item.click();
    }

    private Object direction() {
        return ((JavascriptExecutor) browser).executeScript("return document.documentElement.dir");
    }
}

package org.kinship.ui.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver: nothing is downloaded. Without them the browser
 * tests are skipped on a developer machine but fail in CI ({@code CI=true}), where .ci/run installs them.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KINSHIP_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KINSHIP_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browsers() {
    }

    static ChromeDriver headlessChromium() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(available, "Debian chromium and chromium-driver are not installed");
        } else if (!available) {
            throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs them)");
        }
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        Path profile;
        try {
            profile = Files.createTempDirectory("kinship-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900", "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Fills and submits the sign-in form of the application on {@code port}. */
    static void signIn(ChromeDriver browser, WebDriverWait wait, int port, String username, String password) {
        browser.get("http://127.0.0.1:" + port + "/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        user.sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
    }
}

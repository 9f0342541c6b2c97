package io.github.delayclose.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo page in headless Chromium, as a person uses it: a parked order reads "parked: REASON"
 * instead of "closing…", is listed under "Parked", and its Replay button closes it; closes in flight
 * and lateness are shown live. Needs Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs.
 */
class DemoPageBrowserIT extends SampleAppIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1200");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aParkedOrderReadsParkedWithItsReasonAndItsReplayButtonClosesIt() {
        String sku = newSku(3, 100);
        String orderId = createOrder(sku, 1);
        assertThat(post("/api/demo/orders/" + orderId + "/fail-until-parked", "").status()).isEqualTo(200);
        browser.get(page());

        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> countdownOf(orderId).getText(), text -> text.equals("parked: PROVIDER_ERROR"));
        WebElement parkedRow = browser.findElement(By.cssSelector("tr[data-parked='" + orderId + "']"));
        assertThat(parkedRow.getText()).contains("PROVIDER_ERROR", "SYSTEMERROR");
        assertThat(statusOf(orderId)).isEqualTo("UNPAID");

        browser.findElement(By.cssSelector("button[data-replay='" + orderId + "']")).click();

        await().atMost(PATIENCE).ignoreExceptions().until(() -> statusOf(orderId), "CLOSED"::equals);
        await().atMost(Duration.ofSeconds(5)).until(() -> parkedRows(orderId).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).contains(orderId, "replayed");
        assertThat(countdownOf(orderId).getText()).doesNotContain("closing", "parked");
    }

    @Test
    void closesInFlightAndLatenessAreShownLive() {
        String sku = newSku(3, 100);
        browser.get(page());
        String orderId = createOrder(sku, 1);

        await().atMost(PATIENCE).ignoreExceptions().until(() -> statusOf(orderId), "CLOSED"::equals);

        await().atMost(Duration.ofSeconds(5)).until(() -> !browser.findElement(By.id("lateness-p50")).getText().equals("—"));
        assertThat(browser.findElement(By.id("lateness-p50")).getText()).matches("\\d+(\\.\\d)? m?s");
        assertThat(browser.findElement(By.id("lateness-p99")).getText()).matches("\\d+(\\.\\d)? m?s");
        assertThat(Integer.parseInt(browser.findElement(By.id("closed-count")).getText())).isPositive();
        assertThat(Integer.parseInt(browser.findElement(By.id("in-flight")).getText())).isNotNegative();
    }

    private String page() {
        return "http://127.0.0.1:" + port + "/";
    }

    private WebElement countdownOf(String orderId) {
        return browser.findElement(By.cssSelector("td[data-countdown='" + orderId + "']"));
    }

    private String statusOf(String orderId) {
        return countdownOf(orderId).findElement(By.xpath("following-sibling::td[@class='status']/span")).getText();
    }

    private List<WebElement> parkedRows(String orderId) {
        return browser.findElements(By.cssSelector("tr[data-parked='" + orderId + "']"));
    }
}

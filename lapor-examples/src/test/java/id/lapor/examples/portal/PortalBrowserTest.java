package id.lapor.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import id.lapor.core.access.Role;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser: Debian's headless Chromium driven by Selenium through {@code /usr/bin/chromedriver}
 * (nothing downloaded). A citizen reports in confidence, an officer verifies from the queue, the holder of the PIN
 * sees the new state and a visitor sees nothing; a public report's page never shows its reporter; the statistics
 * page draws the API's figures. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Skipped where Chromium or its driver is missing, except under {@code CI=true}, where that is a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path data;
    @TempDir
    static Path profile;
    static DemoPortal.Running portal;
    static WebDriver browser;
    static Path screenshots;
    /** The confidential report of the first test: number and PIN. */
    static String number;
    static String pin;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: apt-get install -y chromium chromium-driver");
            }
            Assumptions.abort("no " + CHROMIUM + " and " + CHROMEDRIVER + " here: browser test skipped");
        }
        screenshots = Path.of(System.getProperty("lapor.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        portal = DemoPortal.start(new DemoPortal.Options("127.0.0.1", 0, data, true, 150, List.of(), "id"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1400", "--lang=id");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(screenshots.toFile(), "chromedriver.log"))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            portal.close();
        }
    }

    private static void open(String path) {
        browser.get(portal.uri() + path);
    }

    private static WebElement byId(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id(id)));
    }

    private static void shoot(String name) {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
    }

    /** Fills the report form as a person would; returns {number, PIN}. */
    private static String[] report(String title, boolean confidential) {
        open("/report");
        new Select(byId("kind")).selectByValue("COMPLAINT");
        new Select(byId("category")).selectByValue("jalan");
        new Select(byId("region")).selectByValue("62.71.01.1001");
        type("title", title);
        type("body", "Lubang besar di depan pasar sejak dua minggu; dua pengendara motor jatuh.");
        type("name", PortalTest.REPORTER_NAME);
        type("phone", PortalTest.REPORTER_PHONE);
        type("email", PortalTest.REPORTER_EMAIL);
        if (confidential) {
            byId("confidential").click();
        }
        byId("submit-report").click();
        String n = byId("tracking-number").getText();
        String p = byId("secret").getText();
        assertThat(n).matches("[0-9]{11}");
        assertThat(p).matches("[0-9]{8}");
        return new String[] {n, p};
    }

    private static void assertNoReporter() {
        String page = browser.getPageSource();
        PortalTest.assertNoReporter(page);
    }

    @Test
    @Order(1)
    @DisplayName("a citizen submits a confidential report and gets its tracking number and PIN")
    void citizenReportsInConfidence() {
        String[] created = report("Pungutan liar saat mengurus KTP", true);
        number = created[0];
        pin = created[1];
        shoot("01-report-received");
    }

    @Test
    @Order(2)
    @DisplayName("an officer signs in with the API key, finds the report in the queue and verifies it")
    void officerVerifies() {
        open("/officer?lang=en");
        type("key", portal.key(Role.VERIFIER, "kota-palangkaraya"));
        byId("login-submit").click();
        byId("queue");
        List<WebElement> rows = List.of();
        for (int page = 0; page < 100; page++) {
            rows = browser.findElements(By.cssSelector("tr[data-number='" + number + "']"));
            if (!rows.isEmpty() || browser.findElements(By.id("next-page")).isEmpty()) {
                break;
            }
            browser.findElement(By.id("next-page")).click();
            byId("queue");
        }
        assertThat(rows).as("the confidential report is in the city verifier's queue").hasSize(1);
        assertThat(rows.get(0).getAttribute("data-sla")).isEqualTo("ON_TIME");
        assertThat(rows.get(0).findElement(By.cssSelector(".sla")).getText()).isEqualTo("On time");
        shoot("02-officer-queue");

        rows.get(0).findElement(By.linkText(number)).click();
        assertThat(byId("complaint").getAttribute("data-state")).isEqualTo("SUBMITTED");
        new Select(byId("verify-weight")).selectByValue("NORMAL");
        byId("do-verify").click();
        assertThat(byId("message").getText()).contains("Verify and dispatch");
        assertThat(byId("complaint").getAttribute("data-state")).isEqualTo("DISPATCHED");
        shoot("03-officer-verified");
    }

    @Test
    @Order(3)
    @DisplayName("the tracking page shows the new state to the holder of the PIN and nothing to a visitor without it")
    void trackingWithAndWithoutThePin() {
        browser.manage().deleteAllCookies();
        open("/track?lang=en");
        type("number", number);
        type("secret", pin);
        byId("track-submit").click();
        assertThat(byId("complaint").getAttribute("data-state")).isEqualTo("DISPATCHED");
        assertThat(byId("fact-state").getText()).isEqualTo("Sent to the institution");
        assertThat(browser.findElements(By.cssSelector("tr[data-event='Verified']"))).hasSize(1);
        assertThat(byId("complaint-title").getText()).isEqualTo("Pungutan liar saat mengurus KTP");
        assertNoReporter();
        shoot("04-track-with-pin");

        browser.manage().deleteAllCookies();
        open("/track?lang=en&number=" + number);
        assertThat(byId("not-found").getText()).contains("no report with this number");
        assertThat(browser.findElements(By.id("complaint"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Pungutan liar");
        shoot("05-track-without-pin");
    }

    @Test
    @Order(4)
    @DisplayName("a public report's tracking page never shows its reporter")
    void publicReportHidesItsReporter() {
        String[] created = report("Jalan berlubang di Jalan Beliang", false);
        browser.manage().deleteAllCookies();
        open("/track?number=" + created[0]);
        assertThat(byId("complaint").getAttribute("data-state")).isEqualTo("SUBMITTED");
        assertThat(byId("complaint-title").getText()).isEqualTo("Jalan berlubang di Jalan Beliang");
        assertNoReporter();
        shoot("06-public-report-tracked");
    }

    @Test
    @Order(5)
    @DisplayName("the statistics page draws its charts with the statistics API's figures")
    void statisticsCharts() {
        browser.manage().window().setSize(new Dimension(1280, 2200));
        open("/statistics?lang=en");
        WebElement months = byId("chart-months");
        List<WebElement> bars = months.findElements(By.cssSelector("rect[data-series]"));
        assertThat(bars).hasSize(12 * Charts.SERIES.length);
        Map<String, Map<String, Long>> drawn = new LinkedHashMap<>();
        long total = 0;
        for (WebElement bar : bars) {
            long value = Long.parseLong(bar.getAttribute("data-value"));
            double height = bar.getRect().getHeight();
            // The browser drew each bar: a figure above zero is a bar with a height, zero is none.
            assertThat(height > 0.5).as("bar %s %s = %d, height %.1f", bar.getAttribute("data-month"),
                    bar.getAttribute("data-series"), value, height).isEqualTo(value > 0);
            drawn.computeIfAbsent(bar.getAttribute("data-month"), k -> new LinkedHashMap<>()).put(bar.getAttribute("data-series"), value);
            total += value;
        }
        assertThat(total).isPositive();
        Map<String, StatisticsCheck.Rate> rates = new LinkedHashMap<>();
        for (WebElement bar : byId("chart-ontime").findElements(By.cssSelector("rect[data-unit]"))) {
            rates.put(bar.getAttribute("data-unit"), new StatisticsCheck.Rate(Long.parseLong(bar.getAttribute("data-due")),
                    Long.parseLong(bar.getAttribute("data-met")), Double.parseDouble(bar.getAttribute("data-value"))));
            assertThat(bar.getRect().getWidth()).isPositive();
        }
        assertThat(rates).isNotEmpty();
        WebElement section = byId("stats");
        StatisticsCheck.Plotted plotted = new StatisticsCheck.Plotted(section.getAttribute("data-unit"),
                section.getAttribute("data-from"), section.getAttribute("data-to"), drawn, rates);
        String api = new Web(portal.uri()).getWithKey("/api/v1/statistics?unit=" + plotted.unit() + "&from=" + plotted.from()
                + "&to=" + plotted.to(), portal.key(Role.AUDITOR, "kota-palangkaraya")).body();
        StatisticsCheck.assertSame(plotted, api);
        shoot("07-statistics");
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }
}

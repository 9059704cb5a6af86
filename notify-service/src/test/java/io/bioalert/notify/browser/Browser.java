package io.bioalert.notify.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}). Selenium Manager is never asked: it would download a driver, and these machines
 * reach no such site. Where either binary is missing, or the browser does not start, the browser tests are
 * skipped with the reason, unless {@code -Dbrowser.required=true} makes that a failure. (Not under
 * {@code bioalert.}: Quarkus refuses unknown properties of its own config roots.)
 */
public final class Browser implements AutoCloseable {

    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser, or the calling test aborted (skipped) with the reason there is none. */
    public static Browser startOrSkip() {
        Optional<String> driverPath = find("webdriver.chrome.driver", DRIVERS, "chromedriver");
        Optional<String> browserPath = find("browser.chromium", BROWSERS, "chromium");
        if (driverPath.isEmpty() || browserPath.isEmpty()) {
            return unavailable("no " + (driverPath.isEmpty() ? "chromedriver" : "chromium") + " binary found; install "
                    + "Debian's chromium and chromium-driver (.ci/run does when it runs as root)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserPath.get());
        // --no-sandbox: the tests run as root, where Chromium refuses its sandbox.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=en-GB", "--window-size=1100,900", "--force-device-scale-factor=1");
        // The console, for what the page's Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath.get())).usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver);
        } catch (RuntimeException e) {
            return unavailable("chromium at " + browserPath.get() + " did not start through " + driverPath.get()
                    + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Browser unavailable(String reason) {
        if (Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("browser tests required but " + reason);
        }
        Assumptions.abort("browser tests skipped: " + reason);
        return null;
    }

    private static Optional<String> find(String property, List<String> known, String onPath) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Files.isExecutable(Path.of(given)) ? Optional.of(given) : Optional.empty();
        }
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank()).map(d -> d + File.separator + onPath);
        return Stream.concat(known.stream(), path).filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    public WebDriver driver() {
        return driver;
    }

    /** What the page's Content-Security-Policy refused since the last call, as the console reported it. */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Sets the size of the page's viewport (not the window, whose frame differs between modes). */
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Long inner = (Long) driver.executeScript("return window.innerWidth;");
        if (inner != null && inner != width) {
            driver.manage().window().setSize(new Dimension(2 * width - inner.intValue(), height));
        }
    }

    /**
     * Saves a PNG of the viewport as {@code name} in the folder {@code -Dbrowser.screenshots} names (relative to
     * the repository's root), and does nothing without it: pictures for the README are made on purpose only.
     */
    public void screenshot(String name) {
        String folder = System.getProperty("browser.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Path dir = repositoryRoot().resolve(folder);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " not saved", e);
        }
    }

    /** Surefire runs in the module's folder; the repository's root is the first parent holding mvnw. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        return dir;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

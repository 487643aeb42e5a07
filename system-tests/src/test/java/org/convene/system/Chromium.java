package org.convene.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through its own chromedriver, both found on the PATH (CI installs the
 * distribution's packages): nothing is downloaded at test time.
 */
final class Chromium {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    private Chromium() {
    }

    /** A desktop-sized window in English. */
    static ChromeDriver start(Path profileDir) throws Exception {
        return start(profileDir, 1200, 1600, "en-GB,en");
    }

    /**
     * A window of {@code width} by {@code height} CSS pixels whose requests prefer
     * {@code acceptLanguages} (an {@code Accept-Language} list), as a visitor's browser would.
     */
    static ChromeDriver start(Path profileDir, int width, int height, String acceptLanguages) throws Exception {
        Path browser = BROWSERS.stream().map(Chromium::onPath).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("No Chromium on the PATH (looked for " + BROWSERS + ")"));
        Path driver = onPath("chromedriver")
                .orElseThrow(() -> new IllegalStateException("No chromedriver on the PATH"));
        Files.createDirectories(profileDir);
        ChromeOptions options = new ChromeOptions().setBinary(browser.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=" + width + "," + height,
                        "--user-data-dir=" + Files.createTempDirectory(profileDir, "profile").toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /**
     * Waits until {@code element} has left the document, after a click that leaves the page, so that
     * the next look is at the page it leads to. Chromium says so either as a stale element or, when
     * asked in the middle of the navigation, as an inspector error naming the node (seen in CI).
     */
    static void awaitGone(WebDriver browser, WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}

package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convene.localstack.LocalStack;
import org.convene.localstack.run.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A supporter in Bolivia on a small phone, whose browser speaks Spanish, registers for the first seed
 * event from its public page: the page is in Spanish, their time zone is filled in by the page, and
 * what they agreed to is stored in the words they read. Every page on the way passes axe-core's
 * WCAG 2.1 A and AA checks.
 */
@ExtendWith(SystemUnderTestExtension.class)
class PhoneRegistrationBrowserTest {

    /** A small phone's viewport, in CSS pixels. */
    private static final int PHONE_WIDTH = 360;
    private static final int PHONE_HEIGHT = 740;
    private static final String ZONE = "America/La_Paz";

    private final SystemUnderTest system;
    private ChromeDriver browser;

    PhoneRegistrationBrowserTest(SystemUnderTest system) {
        this.system = system;
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Chromium.start(Path.of("target", "browser"), PHONE_WIDTH, PHONE_HEIGHT, "es-BO,es");
        // A desktop window has a minimum width; a phone's viewport is emulated, as the browser's device mode does.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        // The phone's clock is in La Paz: the page reads the zone from the browser.
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ZONE));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSupporterRegistersInSpanishOnAPhoneWithTheirZoneAndConsentStored() throws Exception {
        DemoData.DemoEvent seed = new DemoData(system.events(), system.stack().organiserSecrets())
                .load(LocalDate.now()).get(0);
        system.awaitEventPage(seed.id().toString());
        String email = "miriam+" + UUID.randomUUID() + "@example.org";

        browser.get(system.eventPage(seed.id().toString()));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(seed.title());
        // Nothing wider than the phone: no sideways scrolling.
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        // The time in the visitor's own zone, written by the page's script.
        WebElement yourTime = browser.findElement(By.id("your-time"));
        assertThat(yourTime.isDisplayed()).isTrue();
        assertThat(yourTime.getText()).startsWith("En tu zona horaria (" + ZONE + ")");
        assertThat(new Select(browser.findElement(By.id("timeZone"))).getFirstSelectedOption().getText())
                .isEqualTo(ZONE);
        assertAccessible("the event page");

        // Sent without an address first: the mistake is announced, tied to its field, and the page stays accessible.
        browser.findElement(By.id("name")).sendKeys("Miriam Colque");
        WebElement send = browser.findElement(By.cssSelector("form button[type=submit]"));
        scrollTo(send).click();
        Chromium.awaitGone(browser, send);
        WebElement emailInput = browser.findElement(By.id("email"));
        assertThat(emailInput.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(emailInput.getAttribute("aria-describedby")).contains("email-error");
        assertThat(browser.findElement(By.id("email-error")).getText()).isEqualTo("Escribe tu correo electrónico");
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("error-summary");
        assertAccessible("the form with a mistake");
        browser.findElement(By.id("name")).clear();

        browser.findElement(By.id("name")).sendKeys("Miriam Colque");
        browser.findElement(By.id("email")).sendKeys(email);
        new Select(browser.findElement(By.id("country"))).selectByValue("BO");
        WebElement hostConsent = browser.findElement(By.cssSelector("input[name=consentTo][value='Friends of Bolivia']"));
        assertThat(hostConsent.isSelected()).as("unticked until the person ticks it").isFalse();
        scrollTo(hostConsent).click();
        // The page's script solved its proof of work while the person typed, and sends it with the form.
        String proof = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
            String value = b.findElement(By.name("altcha")).getAttribute("value");
            return value.isEmpty() ? null : value;
        });
        JsonNode solved = new ObjectMapper().readTree(Base64.getDecoder().decode(proof));
        System.out.println("Proof of work solved by the browser: " + solved.get("number").asLong() + " hashes in "
                + solved.get("took").asLong() + " ms");
        WebElement submit = browser.findElement(By.cssSelector("form button[type=submit]"));
        scrollTo(submit).click();
        Chromium.awaitGone(browser, submit);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Te has inscrito");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(seed.title());
        assertAccessible("the confirmation");

        try (Connection db = DriverManager.getConnection(system.stack().jdbcUrl("registrations"), "registrations",
                LocalStack.DATABASE_PASSWORD)) {
            assertThat(stored(db, "select time_zone, language, country from registration where email = ?", email))
                    .containsExactly(List.of(ZONE, "es", "BO"));
            assertThat(stored(db, """
                    select c.organisation, c.given, c.wording from registration_consent c
                    join registration r on r.id = c.registration_id where r.email = ? and c.given""", email))
                    .containsExactly(List.of("Friends of Bolivia", "t",
                            "Quiero que Friends of Bolivia me mantenga informado/a por correo electrónico sobre sus campañas y eventos."));
            // The server checked the browser's solution and spent it: the registration did not go by the
            // stricter lane of browsers without JavaScript.
            assertThat(stored(db, "select count(*) > 0 from spent_challenge")).containsExactly(List.of("t"));
        }
    }

    /** No violation of WCAG 2.1 A and AA that axe-core can find. */
    private void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(results.getViolations()).as("accessibility of %s: %s", page,
                results.getViolations().stream().map(v -> v.getId() + " " + v.getNodes().stream()
                        .map(n -> n.getTarget().toString()).toList()).toList()).isEmpty();
        assertThat(results.getPasses()).as("axe checked %s", page).isNotEmpty();
    }

    private WebElement scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    private static List<List<String>> stored(Connection db, String sql, String... parameters) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<List<String>> result = new ArrayList<>();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.add(rows.getString(i));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }
}

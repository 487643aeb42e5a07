package org.convene.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.restassured.http.ContentType;

/**
 * An organiser in a real browser: signs in, types the first seed event with its chair and five
 * speakers into the back office, previews and publishes it, and finds it on the public page that
 * registration-service serves.
 */
@ExtendWith(SystemUnderTestExtension.class)
class BackOfficeBrowserTest {

    private static final String TITLE = "Bolivia – People Power, Hope & Solidarity (browser)";
    private static final List<String[]> SPEAKERS = List.of(
            new String[] { "Ollie Vargas", "journalist, Kawsachun News (eyewitness speaker from Bolivia)" },
            new String[] { "Jeremy Corbyn", "MP" },
            new String[] { "Miriam Colque", "Bolivian activist in London" },
            new String[] { "Claudia Tuberg-Defor", "Wiphalas Across the World" },
            new String[] { "Alex Main", "Director of International Policy, Center for Economic & Policy Research (US)" });

    private final SystemUnderTest system;
    private ChromeDriver browser;

    BackOfficeBrowserTest(SystemUnderTest system) {
        this.system = system;
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Chromium.start(Path.of("target", "browser"));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrganiserTypesTheSeedEventPublishesItAndItsPublicPageShowsIt() {
        // Asked for the back office without a session: a page that leads to the sign-in form and back.
        browser.get(system.events() + "/organiser");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in needed");
        follow(By.linkText("Sign in"));
        browser.findElement(By.id("email")).sendKeys(system.stack().organiserSecrets().email());
        browser.findElement(By.id("password")).sendKeys(system.stack().organiserSecrets().password());
        follow(By.cssSelector("form[action='/organiser/sign-in'] button"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Events");

        follow(By.linkText("New event"));
        type("title", TITLE);
        // A datetime-local input takes keys in the browser's locale; its value is the same everywhere.
        String start = LocalDate.now().plusDays(21).atTime(18, 30).toString();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('startsAt').value = arguments[0]", start);
        replace("timeZone", "Europe/London");
        replace("durationMinutes", "90");
        type("joinUrl", "https://meet.example.org/bolivia-browser");
        type("summary", "Marking six months since the Left's historic election victory and the defeat of the coup in Bolivia.");
        type("host", "Friends of Bolivia");
        type("supporters", "Labour Friends of Progressive Latin America\na range of solidarity and labour movement groups");
        type("chair-name", "Christine Blower");
        type("chair-affiliation", "Labour Friends of Progressive Latin America");
        for (int i = 0; i < 3; i++) {
            speaker(i);
        }
        // Three blank rows at first: ask for more, without JavaScript's help, and go on typing.
        follow(By.cssSelector("button[name=moreSpeakers]"));
        assertThat(browser.findElement(By.id("speakers-2-name")).getAttribute("value")).isEqualTo("Miriam Colque");
        speaker(3);
        speaker(4);
        browser.findElement(By.id("language-es")).click();
        follow(By.xpath("//button[text()='Save as draft']"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
        assertThat(browser.findElement(By.className("status")).getText()).isEqualTo("Draft");
        String eventUrl = browser.getCurrentUrl();
        String eventId = eventUrl.substring(eventUrl.lastIndexOf('/') + 1);

        follow(By.linkText("Preview the public page"));
        String preview = browser.findElement(By.tagName("article")).getText();
        assertThat(preview).contains("Christine Blower (chair), Labour Friends of Progressive Latin America");
        for (String[] speaker : SPEAKERS) {
            assertThat(preview).contains(speaker[0] + ", " + speaker[1]);
        }
        assertThat(browser.getPageSource()).doesNotContain("meet.example.org/bolivia-browser");
        follow(By.linkText("Back to the event"));

        follow(By.xpath("//button[text()='Publish']"));
        assertThat(browser.findElement(By.className("status")).getText()).isEqualTo("Published");
        String publicPage = browser.findElement(By.linkText("Public page")).getAttribute("href");
        assertThat(publicPage).isEqualTo(system.eventPage(eventId));

        // registration-service learns of it from the events topic: the page appears within moments.
        system.awaitEventPage(eventId);
        browser.get(publicPage);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.tagName("h1")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Hosted by Friends of Bolivia with the support of Labour Friends of Progressive Latin America");
        for (String[] speaker : SPEAKERS) {
            assertThat(page).contains(speaker[0]);
        }
        assertThat(browser.getPageSource()).doesNotContain("meet.example.org/bolivia-browser");
        WebElement name = browser.findElement(By.id("name"));
        assertThat(name.isDisplayed()).isTrue();
    }

    /**
     * Signing out in the browser ends the session in every service: the token the browser held, taken
     * before, is refused by events-service at once and by registration-service once it has read the end
     * from the sessions topic.
     */
    @Test
    void signingOutInTheBrowserEndsTheSessionInEveryService() {
        browser.get(system.events() + "/organiser/sign-in");
        browser.findElement(By.id("email")).sendKeys(system.stack().organiserSecrets().email());
        browser.findElement(By.id("password")).sendKeys(system.stack().organiserSecrets().password());
        follow(By.cssSelector("form[action='/organiser/sign-in'] button"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Events");
        String token = browser.manage().getCookieNamed("convene_session").getValue();
        assertThat(exportWith(token)).isEqualTo(200);

        follow(By.xpath("//button[text()='Sign out']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");

        assertThat(given().auth().oauth2(token).get(system.events() + "/api/events").statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> exportWith(token) == 401);
    }

    private int exportWith(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":\"nobody@example.org\"}")
                .post(system.registration() + "/api/supporters/export").statusCode();
    }

    /**
     * Clicks a link or a submit button and waits until the browser has left the page, so that the
     * next look is at the page it leads to, not at the one being replaced.
     */
    private void follow(By by) {
        WebElement target = browser.findElement(by);
        target.click();
        Chromium.awaitGone(browser, target);
    }

    private void speaker(int row) {
        type("speakers-" + row + "-name", SPEAKERS.get(row)[0]);
        type("speakers-" + row + "-affiliation", SPEAKERS.get(row)[1]);
    }

    private void type(String id, String text) {
        find(id).sendKeys(text);
    }

    /** The element, or a failure that shows the page the browser was on instead. */
    private WebElement find(String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        assertThat(found).as("#%s on %s:%n%s", id, browser.getCurrentUrl(), browser.getPageSource()).isNotEmpty();
        return found.get(0);
    }

    private void replace(String id, String text) {
        WebElement input = find(id);
        input.clear();
        input.sendKeys(text);
    }
}

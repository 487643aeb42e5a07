package org.convene.events.backoffice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The organiser's pages as a browser without JavaScript uses them: forms, redirects and messages. */
@QuarkusTest
class BackOfficePagesTest {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void withoutASessionEveryPageIsTheSignInFormWithA401AndNoData() {
        String id = asOrganiser().contentType(ContentType.JSON).body(Map.of("title", "Hidden from strangers",
                "startsAt", start(20), "timeZone", "Europe/London", "durationMinutes", 60,
                "joinUrl", "https://meet.example.org/secret")).post("/api/events").then().statusCode(201).extract().path("id");
        for (String page : List.of("/organiser", "/organiser/events/" + id, "/organiser/events/" + id + "/edit",
                "/organiser/events/" + id + "/preview", "/organiser/events/new")) {
            String body = given().redirects().follow(false).get(page)
                    .then().statusCode(401).contentType(ContentType.HTML).extract().asString();
            Document html = Jsoup.parse(body);
            assertThat(html.select("a[href^=/organiser/sign-in]").attr("href")).as(page)
                    .isEqualTo("/organiser/sign-in?then=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(body).as(page).doesNotContain("Hidden from strangers").doesNotContain("meet.example.org");
        }
        // An expired or forged cookie is no better than none, and the browser is told to forget it.
        given().redirects().follow(false).cookie("convene_session", "e30.e30.e30").get("/organiser")
                .then().statusCode(401).cookie("convene_session", "");
    }

    @Test
    void everyPageForbidsInlineScriptAndFramesAndItsScriptIsAFileOfItsOwn() {
        PageSession organiser = PageSession.signIn();
        String id = createDraft(organiser, "Headers");
        for (String page : List.of("/organiser", "/organiser/events/" + id, "/organiser/events/" + id + "/edit",
                "/organiser/events/new", "/organiser/sign-in")) {
            Response answer = organiser.get(page);
            answer.then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "strict-origin-when-cross-origin");
            String policy = answer.header("Content-Security-Policy");
            assertThat(policy).as(page).contains("script-src 'self';").endsWith("frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
            Document html = Jsoup.parse(answer.asString());
            assertThat(html.select("script")).as(page).isNotEmpty()
                    .allSatisfy(script -> assertThat(script.attr("src")).isEqualTo("/organiser/backoffice.js"));
        }
        given().get("/organiser/backoffice.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("data-chart"));
    }

    @Test
    void signingInWithTheFormLeadsBackToThePageAskedFor() {
        PageSession.Csrf csrf = PageSession.freshCsrf();
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String email = config.getValue("convene.organiser.email", String.class);
        Map<String, String> wrong = Map.of("email", email, "password", "not the password", "then", "/organiser/events/new",
                PageSession.CSRF, csrf.token());
        String refused = given().cookie(PageSession.CSRF, csrf.cookie()).contentType(ContentType.URLENC).formParams(wrong)
                .post("/organiser/sign-in").then().statusCode(401).extract().asString();
        assertThat(Jsoup.parse(refused).select("#sign-in-error").text()).isEqualTo("The address or the password is not right.");
        assertThat(Jsoup.parse(refused).select("#email").val()).isEqualTo(email);

        Map<String, String> right = new LinkedHashMap<>(wrong);
        right.put("password", config.getValue("convene.organiser.password", String.class));
        Response signedIn = given().redirects().follow(false).cookie(PageSession.CSRF, csrf.cookie()).contentType(ContentType.URLENC)
                .formParams(right).post("/organiser/sign-in");
        signedIn.then().statusCode(303).header("Location", endsWithPath("/organiser/events/new"));
        assertThat(signedIn.getDetailedCookie("convene_session").isHttpOnly()).isTrue();

        // A return address elsewhere is not followed: a link cannot send a fresh session away.
        right.put("then", "//evil.example.org/organiser");
        given().redirects().follow(false).cookie(PageSession.CSRF, csrf.cookie()).contentType(ContentType.URLENC).formParams(right)
                .post("/organiser/sign-in").then().statusCode(303).header("Location", endsWithPath("/organiser"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        PageSession organiser = PageSession.signIn();
        String id = createDraft(organiser, "Refused without a token");
        organiser.postWithoutToken("/organiser/events/{id}/publish", Map.of(), id).then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("Nothing was changed"));
        organiser.postWithoutToken("/organiser/events/{id}/delete", Map.of(), id).then().statusCode(400);
        organiser.request().contentType(ContentType.URLENC).formParam(PageSession.CSRF, "a".repeat(43))
                .post("/organiser/events/{id}/publish", id).then().statusCode(400);
        // A cookie and a token of the sender's own making agree, but are not signed with the service's key:
        // a cookie planted from a sibling site is no way in.
        given().redirects().follow(false).cookie("convene_session", organiser.sessionCookie())
                .cookie(PageSession.CSRF, "b".repeat(43)).contentType(ContentType.URLENC)
                .formParam(PageSession.CSRF, "b".repeat(43)).post("/organiser/events/{id}/publish", id)
                .then().statusCode(400);
        // A POST with no body at all needs the token as much as a form does.
        organiser.request().post("/organiser/events/{id}/publish", id).then().statusCode(400);
        organiser.request().post("/organiser/sign-out").then().statusCode(400);
        // However the path is written: the page it reaches decides, not the letters.
        organiser.request().urlEncodingEnabled(false).post("/%6Frganiser/events/" + id + "/publish")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
        organiser.request().urlEncodingEnabled(false).post("/organiser/events/" + id + ";a=b/publish")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
        // A path that decodes to a broken escape (found by fuzzing) is no server error.
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/api/events/x%25r(/mailings/a;b=c/send").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        organiser.postWithoutToken("/organiser/events/new", Map.of("title", "Forged")).then().statusCode(400);
        asOrganiser().get("/api/events/{id}", id).then().body("status", equalTo("DRAFT"), "version", equalTo(1));
        assertThat(asOrganiser().get("/api/events").jsonPath().getList("title", String.class)).doesNotContain("Forged");
        // A tool that sends a form instead of JSON is told so, as every API error is.
        asOrganiser().contentType(ContentType.URLENC).formParam("x", "y").post("/api/events/{id}/publish", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:malformed-request"));
        asOrganiser().get("/api/events/{id}", id).then().body("status", equalTo("DRAFT"));
        // Signing in needs the token too, so that another site cannot sign a browser into its account.
        given().contentType(ContentType.URLENC).formParam("email", "a@example.org").formParam("password", "x")
                .post("/organiser/sign-in").then().statusCode(400);
    }

    @Test
    void aFormWithMistakesComesBackWithEachMessageBesideItsFieldAndSavesNothing() {
        PageSession organiser = PageSession.signIn();
        Document blank = Jsoup.parse(organiser.get("/organiser/events/new").then().statusCode(200).extract().asString());
        assertThat(blank.select("form[action=/organiser/events/new] #title")).hasSize(1);
        assertThat(blank.select("input[name=speakerName]")).hasSize(EventForm.BLANK_SPEAKER_ROWS);
        int before = asOrganiser().get("/api/events").jsonPath().getList("id").size();
        Map<String, Object> form = new LinkedHashMap<>(seedForm("  "));
        form.put("startsAt", "next tuesday");
        form.put("timeZone", "Europe/Atlantis");
        form.put("joinUrl", "javascript:alert(1)");
        form.put("imageUrl", "https://images.example.org/bolivia.jpg");
        form.put("reminderMinutes", "a day before");
        form.put("speakerName", List.of("Ollie Vargas", ""));
        form.put("speakerAffiliation", List.of("Kawsachun News", "MP"));

        String body = organiser.post("/organiser/events/new", form).then().statusCode(400).extract().asString();
        Document html = Jsoup.parse(body);
        assertThat(html.title()).startsWith("Error: ");
        for (String field : List.of("title", "startsAt", "timeZone", "joinUrl", "imageAlt", "reminderMinutes", "speakers-1-name")) {
            assertThat(html.select("#" + field + "-error").text()).as(field).isNotBlank();
            assertThat(html.select("#" + field).attr("aria-invalid")).as(field).isEqualTo("true");
            assertThat(html.select("#" + field).attr("aria-describedby")).as(field).contains(field + "-error");
            assertThat(html.select(".error-summary a[href=#" + field + "]")).as(field).hasSize(1);
        }
        assertThat(html.select("#startsAt-error").text()).contains("a date and a time");
        assertThat(html.select(".error-summary").text()).contains("Speakers, row 2: name");
        // What was typed is kept.
        assertThat(html.select("#speakers-0-name").val()).isEqualTo("Ollie Vargas");
        assertThat(html.select("#speakers-1-affiliation").val()).isEqualTo("MP");
        assertThat(html.select("#timeZone").val()).isEqualTo("Europe/Atlantis");
        assertThat(html.select("#chair-name").val()).isEqualTo("Christine Blower");
        assertThat(asOrganiser().get("/api/events").jsonPath().getList("id")).hasSize(before);
    }

    @Test
    void theSeedEventIsCreatedPublishedRescheduledAndCancelledFromThePages() {
        PageSession organiser = PageSession.signIn();
        String id = createDraft(organiser, "Bolivia – People Power, Hope & Solidarity (pages)");

        var event = asOrganiser().get("/api/events/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(event.getString("status")).isEqualTo("DRAFT");
        assertThat(event.getString("details.chair.name")).isEqualTo("Christine Blower");
        assertThat(event.getList("details.speakers.name")).containsExactly("Ollie Vargas", "Jeremy Corbyn",
                "Miriam Colque", "Claudia Tuberg-Defor", "Alex Main");
        assertThat(event.getList("details.supporters")).containsExactly("Labour Friends of Progressive Latin America",
                "a range of solidarity and labour movement groups");
        assertThat(event.getList("details.reminderMinutes", Integer.class)).containsExactly(1440, 60);
        assertThat(event.getList("details.languages")).containsExactly("en", "es");

        Document page = Jsoup.parse(organiser.get("/organiser/events/{id}", id).then().statusCode(200).extract().asString());
        assertThat(page.select(".status").text()).isEqualTo("Draft");
        assertThat(page.select("form[action$=/publish]")).hasSize(1);
        assertThat(page.select("form[action$=/cancel]")).isEmpty();

        organiser.post("/organiser/events/{id}/publish", Map.of(), id)
                .then().statusCode(303).header("Location", endsWithPath("/organiser/events/" + id));
        page = Jsoup.parse(organiser.get("/organiser/events/{id}", id).asString());
        assertThat(page.select(".status").text()).isEqualTo("Published");
        assertThat(page.select("a:contains(Public page)").attr("href")).endsWith("/events/" + id);
        assertThat(page.select("a:contains(Download the registrants)").attr("href")).endsWith("/api/registrants/" + id);

        // A step with a missing reason comes back with the message beside it and changes nothing.
        String refused = organiser.post("/organiser/events/{id}/reschedule",
                Map.of("startsAt", start(45), "timeZone", "America/La_Paz", "reason", ""), id)
                .then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(refused).select("#reason-error").text()).isNotBlank();
        assertThat(Jsoup.parse(refused).select("#startsAt").val()).isEqualTo(start(45));
        organiser.post("/organiser/events/{id}/reschedule",
                Map.of("startsAt", start(45), "timeZone", "America/La_Paz", "reason", "Our speakers in La Paz asked"), id)
                .then().statusCode(303);
        asOrganiser().get("/api/events/{id}", id).then().body("status", equalTo("RESCHEDULED"),
                "timeZone", equalTo("America/La_Paz"), "notice", equalTo("Our speakers in La Paz asked"));
        page = Jsoup.parse(organiser.get("/organiser/events/{id}", id).asString());
        assertThat(page.select("time").text()).endsWith("18:30 (America/La_Paz, UTC-04:00)");

        // The time of a public event is not changed by editing: the form says so and refuses it.
        Document edit = Jsoup.parse(organiser.get("/organiser/events/{id}/edit", id).asString());
        assertThat(edit.select("#startsAt").hasAttr("readonly")).isTrue();
        Map<String, Object> moved = new LinkedHashMap<>(seedForm("Bolivia – People Power, Hope & Solidarity (pages)"));
        moved.put("startsAt", start(50));
        String conflict = organiser.post("/organiser/events/{id}/edit", moved, id).then().statusCode(409).extract().asString();
        assertThat(Jsoup.parse(conflict).select(".error-summary").text()).contains("rescheduling");

        organiser.post("/organiser/events/{id}/cancel", Map.of("message", "Called off: the speakers cannot travel"), id)
                .then().statusCode(303);
        page = Jsoup.parse(organiser.get("/organiser/events/{id}", id).asString());
        assertThat(page.select(".status").text()).isEqualTo("Cancelled");
        assertThat(page.select("form[action$=/reschedule], form[action$=/cancel], a[href$=/edit]")).isEmpty();

        // The list puts it with the past and cancelled events.
        Document list = Jsoup.parse(organiser.get("/organiser").then().statusCode(200).extract().asString());
        assertThat(list.select("table[aria-labelledby=past] a[href=/organiser/events/" + id + "]")).hasSize(1);
        assertThat(list.select("table[aria-labelledby=upcoming] a[href=/organiser/events/" + id + "]")).isEmpty();
    }

    @Test
    void aDraftIsEditedAndDeletedFromThePages() {
        PageSession organiser = PageSession.signIn();
        String id = createDraft(organiser, "A draft to edit");
        Document edit = Jsoup.parse(organiser.get("/organiser/events/{id}/edit", id).asString());
        assertThat(edit.select("#title").val()).isEqualTo("A draft to edit");
        assertThat(edit.select("#speakers-4-name").val()).isEqualTo("Alex Main");
        assertThat(edit.select("#reminderMinutes").val()).isEqualTo("24h, 1h");
        assertThat(edit.select("#showPlacesLeft").hasAttr("checked")).isFalse();
        assertThat(edit.select("label[for=joinLinkInReminders]").text()).startsWith("Send the joining link in the reminders only");
        assertThat(edit.select("#joinLinkInReminders").hasAttr("checked")).isFalse();

        Map<String, Object> changed = new LinkedHashMap<>(seedForm("A draft, edited"));
        changed.put("showPlacesLeft", "true");
        changed.put("joinLinkInReminders", "true");
        changed.put("speakerName", List.of("Miriam Colque"));
        changed.put("speakerAffiliation", List.of("Bolivian activist in London"));
        changed.put("reminderMinutes", "2d, 30m");
        organiser.post("/organiser/events/{id}/edit", changed, id).then().statusCode(303);
        var event = asOrganiser().get("/api/events/{id}", id).jsonPath();
        assertThat(event.getString("title")).isEqualTo("A draft, edited");
        assertThat(event.getList("details.speakers.name")).containsExactly("Miriam Colque");
        assertThat(event.getList("details.reminderMinutes", Integer.class)).containsExactly(2880, 30);
        assertThat(event.getBoolean("details.showPlacesLeft")).isTrue();
        assertThat(event.getBoolean("details.joinLinkInReminders")).isTrue();
        assertThat(Jsoup.parse(organiser.get("/organiser/events/{id}/edit", id).asString())
                .select("#showPlacesLeft").hasAttr("checked")).isTrue();

        // "More speaker rows" shows the form again with more rows and saves nothing.
        Map<String, Object> more = new LinkedHashMap<>(changed);
        more.put("title", "Not saved");
        more.put("moreSpeakers", "yes");
        Document longer = Jsoup.parse(organiser.post("/organiser/events/{id}/edit", more, id).then().statusCode(200).extract().asString());
        assertThat(longer.select("input[name=speakerName]")).hasSize(1 + 2 * EventForm.BLANK_SPEAKER_ROWS);
        assertThat(asOrganiser().get("/api/events/{id}", id).jsonPath().getString("title")).isEqualTo("A draft, edited");

        organiser.post("/organiser/events/{id}/delete", Map.of(), id).then().statusCode(303);
        asOrganiser().get("/api/events/{id}", id).then().statusCode(404);
    }

    @Test
    void htmlAndScriptTypedIntoAnyFieldAreShownAsTextOnEveryPage() {
        PageSession organiser = PageSession.signIn();
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Map<String, Object> form = new LinkedHashMap<>(seedForm(attack + " title"));
        form.put("summary", attack + " summary");
        form.put("description", "<p>Fine <em>words</em></p>" + attack + "<iframe src=//evil.example.org></iframe>");
        form.put("host", attack + " host");
        form.put("supporters", attack + " supporter");
        form.put("chair.name", attack + " chair");
        form.put("speakerName", List.of(attack + " speaker"));
        form.put("speakerAffiliation", List.of(attack + " affiliation"));
        form.put("imageUrl", "https://images.example.org/a.jpg");
        form.put("imageAlt", attack + "\" onload=\"alert(1) alt");
        Response created = organiser.post("/organiser/events/new", form);
        created.then().statusCode(303);
        String id = created.getHeader("Location").replaceAll(".*/events/", "");
        organiser.post("/organiser/events/{id}/publish", Map.of(), id).then().statusCode(303);

        for (String page : List.of("/organiser", "/organiser/events/" + id, "/organiser/events/" + id + "/edit",
                "/organiser/events/" + id + "/preview")) {
            String body = organiser.get(page).then().statusCode(200).extract().asString();
            Document html = Jsoup.parse(body);
            assertThat(html.select("script")).as(page).allSatisfy(s -> assertThat(s.data()).doesNotContain("alert"));
            assertThat(html.select("img[onerror], iframe, [onload]")).as(page).isEmpty();
            assertThat(body).as(page).doesNotContain("<script>alert").contains("&lt;script&gt;");
        }
        Document preview = Jsoup.parse(organiser.get("/organiser/events/{id}/preview", id).asString());
        assertThat(preview.select("article em").text()).isEqualTo("words");
    }

    @Test
    void theListShowsDraftsAndUpcomingEventsWithTheirCounts() {
        PageSession organiser = PageSession.signIn();
        String draft = createDraft(organiser, "Listed draft " + UUID.randomUUID());
        String upcoming = createDraft(organiser, "Listed upcoming " + UUID.randomUUID());
        organiser.post("/organiser/events/{id}/publish", Map.of(), upcoming).then().statusCode(303);

        Document list = Jsoup.parse(organiser.get("/organiser").then().statusCode(200).extract().asString());
        assertThat(list.select("table[aria-labelledby=drafts] a[href=/organiser/events/" + draft + "]")).hasSize(1);
        var row = list.select("table[aria-labelledby=upcoming] tr:has(a[href=/organiser/events/" + upcoming + "])");
        assertThat(row).hasSize(1);
        assertThat(row.select("td").eachText()).contains("Published", "0");
        assertThat(list.select("table[aria-labelledby=upcoming]").text()).doesNotContain("Listed draft");
    }

    /** The first seed event, as the form sends it, with {@code title}. */
    static Map<String, Object> seedForm(String title) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("startsAt", start(30));
        form.put("timeZone", "Europe/London");
        form.put("durationMinutes", "90");
        form.put("joinUrl", "https://meet.example.org/bolivia");
        form.put("summary", "Marking six months since the Left's historic election victory in Bolivia.");
        form.put("host", "Friends of Bolivia");
        form.put("supporters", "Labour Friends of Progressive Latin America\r\na range of solidarity and labour movement groups\r\n");
        form.put("chair.name", "Christine Blower");
        form.put("chair.affiliation", "Labour Friends of Progressive Latin America");
        form.put("speakerName", List.of("Ollie Vargas", "Jeremy Corbyn", "Miriam Colque", "Claudia Tuberg-Defor",
                "Alex Main", "", ""));
        form.put("speakerAffiliation", List.of("journalist, Kawsachun News", "MP", "Bolivian activist in London",
                "Wiphalas Across the World", "Center for Economic & Policy Research", "", ""));
        form.put("reminderMinutes", "24h, 1h");
        form.put("languages", List.of("en", "es"));
        return form;
    }

    static String createDraft(PageSession organiser, String title) {
        Response created = organiser.post("/organiser/events/new", seedForm(title));
        created.then().statusCode(303);
        return created.getHeader("Location").replaceAll(".*/events/", "");
    }

    private static String start(int daysAhead) {
        return INPUT.format(LocalDateTime.now().plusDays(daysAhead).withHour(18).withMinute(30));
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.anyOf(equalTo(path), org.hamcrest.Matchers.endsWith("localhost" + path),
                org.hamcrest.Matchers.matchesRegex("https?://[^/]+" + java.util.regex.Pattern.quote(path)));
    }
}

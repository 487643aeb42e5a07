package org.convene.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.registration.organiser.OrganiserTokens.asOrganiser;
import static org.convene.registration.registration.Registrations.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convene.registration.EventsTopic;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Organisers download their registrants as a spreadsheet opens them, safe from formula injection. */
@QuarkusTest
class RegistrantExportTest {

    private static final String HOST = "Friends of Bolivia";
    private static final String SUPPORTER = "Labour Friends of Progressive Latin America";

    @Inject
    EventsTopic events;

    @Test
    void everyRegistrantWithTheirAnswersAndConsentsInAnExcelReadableFile() throws Exception {
        UUID eventId = events.openEvent("Bolivia – People Power", null, false, HOST, List.of(SUPPORTER)).id();
        register(eventId, Map.of("name", "Miriam Colque", "email", "miriam@example.org", "country", "BO",
                "organisation", "Bartolina Sisa", "timeZone", "America/La_Paz", "language", "es",
                "consentTo", List.of(HOST))).then().statusCode(201);
        register(eventId, Map.of("name", "مريم كولكي", "email", "maryam@example.org", "consentTo", List.of(SUPPORTER)))
                .then().statusCode(201);

        byte[] body = asOrganiser().get("/api/registrants/{id}", eventId).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"registrants-event-" + eventId))
                .extract().asByteArray();

        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = parse(body);
        assertThat(rows.get(0).toList()).containsExactly("Name", "Email", "Country", "Organisation", "Time zone",
                "Language", "State", "Registered at", "Consent: " + HOST, "Consent: " + SUPPORTER);
        assertThat(rows.get(1).toList().subList(0, 7)).containsExactly("Miriam Colque", "miriam@example.org", "BO",
                "Bartolina Sisa", "America/La_Paz", "es", "REGISTERED");
        assertThat(rows.get(1).toList().subList(8, 10)).containsExactly("yes", "no");
        assertThat(rows.get(2).get(0)).isEqualTo("مريم كولكي");
        assertThat(rows.get(2).toList().subList(8, 10)).containsExactly("no", "yes");

        // Filtered by consent: only those who ticked that organisation's box.
        List<CSVRecord> consented = parse(asOrganiser().queryParam("consentTo", SUPPORTER)
                .get("/api/registrants/{id}", eventId).then().statusCode(200).extract().asByteArray());
        assertThat(consented).extracting(r -> r.get(1)).containsExactly("Email", "maryam@example.org");
        asOrganiser().queryParam("consentTo", "Someone Else").get("/api/registrants/{id}", eventId).then()
                .statusCode(400).body("errors.field", equalTo(List.of("consentTo")));
        asOrganiser().get("/api/registrants/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasArePlainText() throws Exception {
        UUID eventId = events.openEvent("Bolivia – People Power", null, false, HOST, List.of()).id();
        List<String> hostile = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)");
        for (int i = 0; i < hostile.size(); i++) {
            register(eventId, Map.of("name", hostile.get(i), "email", "p" + i + "@example.org",
                    "organisation", hostile.get(i))).then().statusCode(201);
        }

        List<CSVRecord> rows = parse(asOrganiser().get("/api/registrants/{id}", eventId).then().statusCode(200)
                .extract().asByteArray());

        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0))
                .containsExactlyElementsOf(hostile.stream().map(name -> "'" + name).toList());
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(3))
                .containsExactlyElementsOf(hostile.stream().map(name -> "'" + name).toList());
        // Tabs and carriage returns cannot arrive through registration; the writer neutralises them anyway.
        assertThat(RegistrantCsv.plain("\tcmd")).isEqualTo("'\tcmd");
        assertThat(RegistrantCsv.plain("\rcmd")).isEqualTo("'\rcmd");
        assertThat(RegistrantCsv.plain("Ana = Bea")).isEqualTo("Ana = Bea");
    }

    private static List<CSVRecord> parse(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }
}

package org.convene.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.registration.ConsentAnswer;
import org.convene.registration.registration.Registration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The export as a spreadsheet opens it: no cell a formula, accents kept, one consent column per organisation. */
@Tag("unit")
class RegistrantCsvTest {

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1" })
    void aCellThatStartsLikeAFormulaIsMadeText(String cell) {
        assertThat(RegistrantCsv.plain(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "María José", "a=b", "O'Brien", " =1", "1+1", "ana+tag@example.org" })
    void anyOtherCellIsKeptAsItIs(String cell) {
        assertThat(RegistrantCsv.plain(cell)).isEqualTo(cell);
    }

    @Test
    void aRowHoldsTheRegistrantsAnswersAsPlainTextWithTheirConsents() throws IOException {
        Registration r = new Registration();
        r.name = "=cmd|' /C calc'!A0";
        r.email = "maría@example.org";
        r.timeZone = "America/La_Paz";
        r.language = "es";
        r.state = RegistrationState.REGISTERED;
        r.createdAt = Instant.parse("2026-12-07T10:15:00Z");
        r.consents.add(new ConsentAnswer("Friends of Bolivia", "Keep me informed", true, r.createdAt));

        String csv = RegistrantCsv.write(List.of(r), List.of("Friends of Bolivia", "Wiphalas Across the World"));

        assertThat(csv).startsWith(RegistrantCsv.BOM);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("Name", "Email", "Country", "Organisation", "Time zone",
                "Language", "State", "Registered at", "Consent: Friends of Bolivia",
                "Consent: Wiphalas Across the World");
        assertThat(rows.get(1).toList()).containsExactly("'=cmd|' /C calc'!A0", "maría@example.org", "", "",
                "America/La_Paz", "es", "REGISTERED", "2026-12-07T10:15:00Z", "yes", "");
    }
}

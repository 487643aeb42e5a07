package org.convene.registration.organiser;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.registration.registration.ConsentAnswer;
import org.convene.registration.registration.Registration;

/**
 * Registrants as a spreadsheet reads them: UTF-8 with a byte order mark (so that accents survive a
 * double click), and every cell that a spreadsheet would take for a formula made plain text.
 */
final class RegistrantCsv {

    /** A byte order mark: without it, spreadsheets guess an old code page and garble accents. */
    static final String BOM = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private RegistrantCsv() {
    }

    /** One row a registration, one consent column an organisation of the event. */
    static String write(List<Registration> registrations, List<String> organisations) {
        List<String> header = new ArrayList<>(List.of("Name", "Email", "Country", "Organisation", "Time zone",
                "Language", "State", "Registered at"));
        organisations.forEach(organisation -> header.add("Consent: " + organisation));
        StringWriter out = new StringWriter().append(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header.stream().map(RegistrantCsv::plain).toList());
            for (Registration r : registrations) {
                List<String> row = new ArrayList<>(List.of(r.name, r.email, Objects.toString(r.country, ""),
                        Objects.toString(r.organisation, ""), r.timeZone, r.language, r.state.name(),
                        r.createdAt.toString()));
                for (String organisation : organisations) {
                    row.add(r.consents.stream().filter(c -> c.organisation().equals(organisation))
                            .map(ConsentAnswer::given).findFirst().map(given -> given ? "yes" : "no").orElse(""));
                }
                csv.printRecord(row.stream().map(RegistrantCsv::plain).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * A cell that starts like a formula gets a leading apostrophe, which spreadsheets show as text
     * (OWASP's advice against CSV injection): a name such as {@code =HYPERLINK(...)} is data, never code.
     */
    static String plain(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}

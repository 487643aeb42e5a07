package org.convene.registration.registration;

import java.text.Collator;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The lists the form offers: countries by name in the page's language, and time zones. */
public final class FormChoices {

    /** A country as the list shows it. */
    public record Country(String code, String name) {
    }

    /** Region zones only ("America/La_Paz"); aliases such as "US/Eastern" and bare offsets are left out. */
    private static final Pattern REGION_ZONE = Pattern
            .compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+|UTC");

    public static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> REGION_ZONE.matcher(zone).matches()).sorted().toList();

    private FormChoices() {
    }

    public static List<Country> countries(Locale language) {
        Collator collator = Collator.getInstance(language);
        return KnownCountry.Validator.CODES.stream()
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(language)))
                .sorted(Comparator.comparing(Country::name, collator)).toList();
    }
}

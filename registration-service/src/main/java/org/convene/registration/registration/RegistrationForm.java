package org.convene.registration.registration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convene.platform.email.EmailAddress;
import org.convene.platform.validation.ValidEmailAddress;
import org.convene.platform.validation.ValidTimeZone;

/**
 * What a person gives to register, from the page's form or the API. Surrounding spaces are dropped,
 * and an empty optional field is no answer.
 *
 * @param timeZone  the person's IANA zone, filled in by the page's script or chosen; absent means the
 *                  event's own
 * @param language  for their emails: {@code en} or {@code es}; absent means {@code en}
 * @param consentTo the organisations (the host, supporters) whose box the person ticked
 */
public record RegistrationForm(
        @NotBlank(message = "{registration.name.required}")
        @Size(max = 200, message = "{registration.name.size}")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "{registration.text.control}")
        String name,
        @NotBlank(message = "{registration.email.required}")
        @Size(max = EmailAddress.MAX_LENGTH, message = "{registration.email.size}")
        @ValidEmailAddress(message = "{registration.email.invalid}")
        String email,
        @KnownCountry
        String country,
        @Size(max = 200, message = "{registration.organisation.size}")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "{registration.text.control}")
        String organisation,
        @ValidTimeZone(message = "{registration.timeZone.unknown}")
        String timeZone,
        @Pattern(regexp = "en|es", message = "{registration.language.unknown}")
        String language,
        @Size(max = 50, message = "{registration.consentTo.size}")
        List<@NotBlank(message = "{registration.consentTo.blank}") String> consentTo) {

    public static final String DEFAULT_LANGUAGE = "en";

    /**
     * Line breaks, tabs, NUL and the other control characters: no name has them, PostgreSQL refuses NUL,
     * and in an email header a line break would start a header of its own.
     */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}]*";

    public RegistrationForm {
        name = stripped(name);
        email = stripped(email);
        country = emptyAsNull(stripped(country));
        organisation = emptyAsNull(stripped(organisation));
        timeZone = emptyAsNull(stripped(timeZone));
        language = Objects.requireNonNullElse(emptyAsNull(stripped(language)), DEFAULT_LANGUAGE);
        consentTo = consentTo == null ? List.of() : consentTo.stream().map(RegistrationForm::stripped).toList();
    }

    /** The same address however it was capitalised or padded. */
    public String normalisedEmail() {
        return normalised(email);
    }

    public static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

package org.convene.registration.registration;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person gives to register, from the page's form or the API; surrounding spaces are dropped. */
public record RegistrationForm(
        @NotBlank(message = "Please enter your name")
        @Size(max = 200, message = "Please enter a name of at most 200 characters")
        String name,
        @NotBlank(message = "Please enter your email address")
        @Size(max = 254, message = "Please enter an email address of at most 254 characters")
        // Empty passes here: @NotBlank reports it, once.
        @Email(regexp = "([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?",
                message = "Please enter an email address like name@example.org")
        String email) {

    public RegistrationForm {
        name = name == null ? null : name.strip();
        email = email == null ? null : email.strip();
    }

    /** The same address however it was capitalised. */
    public String normalisedEmail() {
        return email.toLowerCase(Locale.ROOT);
    }
}

package org.convene.registration.organiser;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whose data an organiser asks for or erases: an address, in the body so that it stays out of access logs. */
public record SupporterRequest(
        @NotBlank(message = "{registration.email.required}")
        @Size(max = 254, message = "{registration.email.size}")
        String email) {
}

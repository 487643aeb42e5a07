package org.convene.registration.registration;

/** A registration and whether it existed before this request. */
public record RegistrationOutcome(Registration registration, boolean alreadyRegistered) {
}

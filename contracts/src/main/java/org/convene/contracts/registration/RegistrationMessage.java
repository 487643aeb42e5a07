package org.convene.contracts.registration;

import java.util.UUID;

/**
 * A message on {@code registrations}: a state change or an erasure. Sealed, so that a consumer's
 * switch over it is checked by the compiler when a kind is added.
 */
public sealed interface RegistrationMessage permits RegistrationChanged, RegistrationErased {

    UUID registrationId();

    UUID eventId();
}

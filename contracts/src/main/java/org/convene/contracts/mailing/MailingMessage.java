package org.convene.contracts.mailing;

import java.util.UUID;

/**
 * A message on {@code mailings}, keyed by event id: an organiser's message, or a request to send an
 * event's failed emails again. Sealed, so that a consumer's switch over it is checked by the compiler.
 */
public sealed interface MailingMessage permits MailingRequested, EmailsResendRequested {

    UUID eventId();
}

package org.convene.contracts.mailing;

/** Whom an organiser's message goes to, among those registered for the event (never the cancelled). */
public enum MailingAudience {
    /** Those with a place (registered or promoted from the waitlist). */
    REGISTERED,
    /** Those still waiting for a place. */
    WAITLISTED,
    /** Both. */
    EVERYONE
}

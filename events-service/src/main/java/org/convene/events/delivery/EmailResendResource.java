package org.convene.events.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.mailing.EmailsResendRequested;
import org.convene.events.event.EventLifecycle;
import org.convene.events.organiser.Organiser;
import org.convene.platform.outbox.Outbox;
import org.convene.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Sends an event's failed emails once more, once their cause is fixed (a relay that refused them for
 * longer than their lifetime, say): by kind and by when they were given up on. notification-service
 * sends each at most once more, however often this is asked, and records that it did.
 */
@Path("/api/events/{eventId}/emails/resend")
@RolesAllowed(Organiser.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class EmailResendResource {

    private static final Logger LOG = Logger.getLogger(EmailResendResource.class);

    /** Which failed emails: every field may be left out. */
    public record Selection(EmailKind kind, Instant failedSince, Instant failedBefore) {
    }

    /** The request as sent on to notification-service. */
    public record Requested(UUID requestId, UUID eventId, EmailKind kind, Instant failedSince, Instant failedBefore) {
    }

    private final EventLifecycle events;
    private final Outbox outbox;
    private final JsonWebToken organiser;
    private final Clock clock;

    public EmailResendResource(EventLifecycle events, Outbox outbox, JsonWebToken organiser, Clock clock) {
        this.events = events;
        this.outbox = outbox;
        this.organiser = organiser;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Send the event's failed emails once more, by kind and by when they failed (202); "
            + "each goes at most once more")
    public Response resend(@PathParam("eventId") UUID eventId, Selection selection) {
        events.find(eventId);
        Selection chosen = selection == null ? new Selection(null, null, null) : selection;
        if (chosen.failedSince() != null && chosen.failedBefore() != null
                && !chosen.failedSince().isBefore(chosen.failedBefore())) {
            throw ProblemException.invalidField("failedBefore", "must be after failedSince");
        }
        EmailsResendRequested request = new EmailsResendRequested(UUID.randomUUID(), eventId, chosen.kind(),
                chosen.failedSince(), chosen.failedBefore(), clock.instant());
        outbox.publish(MessageType.EMAILS_RESEND_REQUESTED, eventId.toString(), request);
        // A security event: who asked, for what; the organiser by id, no one's address.
        LOG.infof("Resend %s of the failed %s emails of event %s requested by organiser %s", request.requestId(),
                chosen.kind() == null ? "" : chosen.kind(), eventId, organiser.getSubject());
        return Response.accepted(new Requested(request.requestId(), eventId, chosen.kind(), chosen.failedSince(),
                chosen.failedBefore())).build();
    }
}

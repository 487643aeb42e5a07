package org.convene.notification.mail;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.convene.contracts.time.EventTime;
import org.convene.notification.event.KnownEvent;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Writes the confirmation a registrant gets: the event, its time in the organiser's zone, its length
 * and the private joining link, as text and as HTML. It goes to the registrant alone.
 */
@ApplicationScoped
public class ConfirmationEmail {

    @Inject
    @Location("mail/confirmation.txt")
    Template text;

    @Inject
    @Location("mail/confirmation.html")
    Template html;

    Mail render(ScheduledEmail email, KnownEvent event) {
        String when = EventTime.describe(event.startsAt, event.zone(), Locale.UK);
        String duration = EventTime.duration(event.durationMinutes);
        // Only the address goes into To: a name could carry characters that change the header's meaning.
        return new Mail()
                .addTo(email.recipientEmail)
                .setSubject(HeaderText.oneLine("You're registered: " + event.title))
                .setText(fill(text, email, event, when, duration).render())
                .setHtml(fill(html, email, event, when, duration).render());
    }

    private static TemplateInstance fill(Template template, ScheduledEmail email, KnownEvent event, String when,
            String duration) {
        return template.data("name", email.recipientName)
                .data("title", event.title)
                .data("when", when)
                .data("duration", duration)
                .data("joinUrl", event.joinUrl);
    }
}

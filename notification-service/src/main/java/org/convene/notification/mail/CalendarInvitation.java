package org.convene.notification.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.contracts.calendar.CalendarEvents;
import org.convene.notification.event.KnownEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The calendar file attached to an email (RFC 5545, as an iTIP message of RFC 5546): REQUEST to add
 * or update the event, CANCEL to take it out. iTIP, rather than a plain PUBLISH, because that is what
 * mail clients act on: a later REQUEST with the same UID and a higher SEQUENCE moves the entry the
 * registrant already has, and a CANCEL removes it. RSVP is off: the organisers need no reply.
 */
@ApplicationScoped
public class CalendarInvitation {

    static final String PRODUCT_ID = "-//Convene//Emails//EN";
    private static final Pattern ADDRESS_IN_BRACKETS = Pattern.compile("<([^>]+)>");

    private final Clock clock;
    private final String organiser;

    public CalendarInvitation(Clock clock, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.clock = clock;
        this.organiser = address(from);
    }

    /** The event as it now stands, for the registrant's calendar. */
    public String request(KnownEvent event, String attendee, String joinUrl, String pageUrl) {
        VEvent vEvent = vEvent(event, attendee);
        vEvent.add(ImmutableStatus.VEVENT_CONFIRMED);
        if (joinUrl != null) {
            vEvent.add(new Location(joinUrl));
        }
        if (pageUrl != null) {
            vEvent.add(new Url(URI.create(pageUrl)));
        }
        return write(event, vEvent, ImmutableMethod.REQUEST);
    }

    /** The event is off: calendar apps take it out. */
    public String cancel(KnownEvent event, String attendee) {
        VEvent vEvent = vEvent(event, attendee);
        vEvent.add(ImmutableStatus.VEVENT_CANCELLED);
        return write(event, vEvent, ImmutableMethod.CANCEL);
    }

    private VEvent vEvent(KnownEvent event, String attendee) {
        VEvent vEvent = CalendarEvents.event(event.id, event.version, event.title,
                event.startsAt.atZone(event.zone()), event.durationMinutes, zone(event), clock.instant());
        vEvent.add(new Organizer(URI.create("mailto:" + organiser)));
        Attendee person = new Attendee(URI.create("mailto:" + attendee));
        person.add(Rsvp.FALSE);
        person.add(PartStat.ACCEPTED);
        vEvent.add(person);
        return vEvent;
    }

    private static TimeZone zone(KnownEvent event) {
        return CalendarEvents.zone(event.timeZone);
    }

    private static String write(KnownEvent event, VEvent vEvent, Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        TimeZone zone = zone(event);
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        calendar.add(vEvent);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code Convene <events@convene.example>} gives {@code events@convene.example}. */
    static String address(String from) {
        Matcher m = ADDRESS_IN_BRACKETS.matcher(from);
        return m.find() ? m.group(1).strip() : from.strip();
    }
}

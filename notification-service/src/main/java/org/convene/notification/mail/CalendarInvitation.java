package org.convene.notification.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.notification.event.KnownEvent;
import org.convene.platform.calendar.CalendarEvents;
import org.convene.platform.email.EmailAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
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
    private static final String EVENT_END = "END:VEVENT\r\n";
    /** Far more than the events whose emails go out in any one hour: an evicted file is only written again. */
    private static final int FILES_KEPT = 256;

    private final Clock clock;
    private final URI organiser;
    private final Map<Shared, Template> written = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shared, Template> eldest) {
            return size() > FILES_KEPT;
        }
    };

    public CalendarInvitation(Clock clock, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.clock = clock;
        this.organiser = EmailAddress.mailto(address(from));
    }

    /** The event as it now stands, for the registrant's calendar. */
    public String request(KnownEvent event, String attendee, String joinUrl, String pageUrl) {
        return template(Shared.of(event, ImmutableMethod.REQUEST, pageUrl)).fill(personal(attendee, joinUrl));
    }

    /** The event is off: calendar apps take it out. */
    public String cancel(KnownEvent event, String attendee) {
        return template(Shared.of(event, ImmutableMethod.CANCEL, null)).fill(personal(attendee, null));
    }

    /**
     * What a file says that is the same for every registrant: every field of the event it is written from,
     * so that a file is never written from an older copy of the event.
     */
    private record Shared(UUID eventId, long version, String title, Instant startsAt, int durationMinutes,
            String timeZone, Method method, String pageUrl) {

        static Shared of(KnownEvent event, Method method, String pageUrl) {
            return new Shared(event.id, event.version, event.title, event.startsAt, event.durationMinutes,
                    event.timeZone, method, pageUrl);
        }
    }

    /** A file as written for every registrant, cut where the VEVENT ends, so that their own lines go there. */
    private record Template(String head, String tail) {

        String fill(String personal) {
            return head + personal + tail;
        }
    }

    /**
     * Written once per event version rather than per email: ical4j's writing of the whole calendar, its
     * VTIMEZONE above all, was a tenth of this service's CPU in a registration burst (JFR, benchmarks'
     * scenario 1). Two threads may both write a missing file; they write the same text.
     */
    private Template template(Shared shared) {
        synchronized (written) {
            Template template = written.get(shared);
            if (template != null) {
                return template;
            }
        }
        Template template = write(shared);
        synchronized (written) {
            written.put(shared, template);
        }
        return template;
    }

    private Template write(Shared shared) {
        TimeZone zone = CalendarEvents.zone(shared.timeZone());
        // The stamp goes with the registrant's own lines: it is when their email was written.
        VEvent vEvent = CalendarEvents.event(shared.eventId(), shared.version(), shared.title(),
                shared.startsAt().atZone(ZoneId.of(shared.timeZone())), shared.durationMinutes(), zone,
                clock.instant());
        vEvent.removeAll(Property.DTSTAMP);
        vEvent.add(new Organizer(organiser));
        if (shared.method().equals(ImmutableMethod.CANCEL)) {
            vEvent.add(ImmutableStatus.VEVENT_CANCELLED);
        } else {
            vEvent.add(ImmutableStatus.VEVENT_CONFIRMED);
            if (shared.pageUrl() != null) {
                vEvent.add(new Url(URI.create(shared.pageUrl())));
            }
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(shared.method());
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
        String text = out.toString();
        int end = text.lastIndexOf(EVENT_END);
        return new Template(text.substring(0, end), text.substring(end));
    }

    /** The registrant's own lines of the VEVENT, folded as RFC 5545 wants lines longer than 75 octets. */
    private String personal(String attendee, String joinUrl) {
        Attendee person = new Attendee(EmailAddress.mailto(attendee));
        person.add(Rsvp.FALSE);
        person.add(PartStat.ACCEPTED);
        StringWriter out = new StringWriter();
        try (FoldingWriter folding = new FoldingWriter(out)) {
            folding.write(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)).toString());
            folding.write(person.toString());
            if (joinUrl != null) {
                folding.write(new Location(joinUrl).toString());
            }
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

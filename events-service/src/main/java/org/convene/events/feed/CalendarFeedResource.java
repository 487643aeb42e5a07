package org.convene.events.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public calendar feed, for anyone to subscribe to: open to all (like {@code /api/session}), as
 * calendar apps cannot sign in. Only HTTP here; what goes into the feed is {@link CalendarFeed}'s.
 */
@Path("/calendar.ics")
public class CalendarFeedResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarFeed feed;

    public CalendarFeedResource(CalendarFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "The iCalendar feed of upcoming published events, for calendar apps")
    public String calendar() {
        return feed.render();
    }
}

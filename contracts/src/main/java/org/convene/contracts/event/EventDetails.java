package org.convene.contracts.event;

import java.util.List;

import org.convene.contracts.Messages;
import org.convene.contracts.text.RichText;

/**
 * What an event page and its emails say beyond the time: everything but the time and the joining
 * link. Text fields and the chair may be null; lists are empty, never null.
 *
 * @param slug            readable and unique, stable once the event is published: the public page's address
 * @param descriptionHtml safe rich text (see {@code text.RichText})
 * @param livestreamUrl   a public livestream, unlike the private joining link
 * @param supporters      supporting organisations, in the organiser's order
 * @param speakers        in the organiser's order
 * @param capacity        how many may register; null for no limit
 * @param waitlist        whether a waitlist opens when the event is full
 * @param reminderMinutes when reminders go out, in minutes before the start
 * @param languages       the languages offered, as ISO 639-1 codes ("en", "es")
 * @param joinLinkInReminders whether the joining link waits for the reminders (the confirmation
 *                        says it will come) rather than going in every email; absent in older
 *                        snapshots, read as false
 * @param showPlacesLeft  whether the public page says how many places are left; absent in older
 *                        snapshots, read as false
 */
public record EventDetails(
        String slug,
        String summary,
        String descriptionHtml,
        String imageUrl,
        String imageAlt,
        String livestreamUrl,
        String host,
        List<String> supporters,
        Person chair,
        List<Person> speakers,
        Integer capacity,
        boolean waitlist,
        List<Integer> reminderMinutes,
        List<String> languages,
        boolean showPlacesLeft,
        boolean joinLinkInReminders) {

    public EventDetails {
        Messages.require(slug, "slug");
        supporters = List.copyOf(Messages.orEmpty(supporters));
        speakers = List.copyOf(Messages.orEmpty(speakers));
        reminderMinutes = List.copyOf(Messages.orEmpty(reminderMinutes));
        languages = List.copyOf(Messages.orEmpty(languages));
    }

    /** The same details with the description cleaned here: a consumer never trusts another service's HTML. */
    public EventDetails withCleanDescription() {
        return new EventDetails(slug, summary, RichText.clean(descriptionHtml), imageUrl, imageAlt, livestreamUrl, host,
                supporters, chair, speakers, capacity, waitlist, reminderMinutes, languages, showPlacesLeft,
                joinLinkInReminders);
    }
}

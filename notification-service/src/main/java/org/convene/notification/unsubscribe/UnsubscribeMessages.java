package org.convene.notification.unsubscribe;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the unsubscribe pages, in English here and in Spanish in {@code messages/unsub_es.properties}. */
@MessageBundle("unsub")
public interface UnsubscribeMessages {

    @Message("en")
    String languageCode();

    @Message("Unsubscribe")
    String askTitle();

    @Message("You get emails about {title} because you registered for it.")
    String why(String title);

    @Message("Stop reminders and follow-ups for this event")
    String fromEvent();

    @Message("Stop reminders and follow-ups for every event")
    String everywhere();

    @Message("You will still get the confirmation of any registration you make, and word if an event you registered for moves or is called off.")
    String stillGet();

    @Message("You are unsubscribed")
    String doneTitle();

    @Message("You will get no more reminders or follow-ups about {title}.")
    String doneFromEvent(String title);

    @Message("You will get no more reminders or follow-ups from us. Registering for an event again starts its emails again.")
    String doneEverywhere();

    @Message("You will get no more reminders or follow-ups about that registration.")
    String doneUnknown();

    @Message("This link does not work")
    String badLinkTitle();

    @Message("The link is incomplete or was changed. Use the link in your most recent email.")
    String badLinkText();
}

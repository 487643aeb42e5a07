package org.convene.registration.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public pages, in English here and in Spanish in {@code messages/msg_es.properties};
 * templates use them as {@code {msg:name(...)}}, in the language of {@link PageLanguage}.
 */
@MessageBundle("msg")
public interface PageMessages {

    /** The page's own language, for {@code <html lang>}. */
    @Message("en")
    String languageCode();

    @Message("Español")
    String otherLanguageName();

    @Message("Upcoming events")
    String upcomingEvents();

    @Message("There are no upcoming events at the moment.")
    String noUpcomingEvents();

    @Message("Error: ")
    String errorTitlePrefix();

    @Message("There is a problem")
    String thereIsAProblem();

    @Message("This event has been cancelled.")
    String eventCancelled();

    @Message("This event has a new time.")
    String eventRescheduled();

    @Message("Duration: {length}")
    String duration(String length);

    @Message("In your time zone")
    String inYourZone();

    @Message("Hosted by {host}")
    String hostedBy(String host);

    @Message("with the support of {supporters}")
    String withSupportOf(String supporters);

    @Message("Speakers")
    String speakers();

    @Message("chair")
    String chair();

    @Message("Watch the livestream")
    String watchLivestream();

    @Message("Watch the recording")
    String watchRecording();

    @Message("Read the report-back")
    String readReportBack();

    @Message("{count} places left")
    String placesLeft(int count);

    @Message("1 place left")
    String onePlaceLeft();

    @Message("Share this event")
    String shareThisEvent();

    @Message("Email")
    String shareByEmail();

    @Message("Copy the link")
    String copyLink();

    @Message("Link copied")
    String linkCopied();

    @Message("The event's link")
    String eventLink();

    @Message("Register")
    String register();

    @Message("Your name")
    String labelName();

    @Message("Your email address")
    String labelEmail();

    @Message("Your organisation")
    String labelOrganisation();

    @Message("(optional)")
    String optional();

    @Message("Country")
    String labelCountry();

    @Message("Not given")
    String notGiven();

    @Message("Your time zone")
    String labelTimeZone();

    @Message("Your emails give the time in it.")
    String hintTimeZone();

    @Message("Language for your emails")
    String labelLanguage();

    @Message("Keeping in touch")
    String labelConsent();

    /** The question beside an organisation's box; the words shown are stored with the answer. */
    @Message("I would like {organisation} to keep me informed about its campaigns and events by email.")
    String consent(String organisation);

    @Message("Registration for this event is closed: the event was cancelled.")
    String closedCancelled();

    @Message("Registration for this event is closed: the event has ended.")
    String closedEnded();

    @Message("All places for this event are taken.")
    String full();

    @Message("Registration closed")
    String registrationClosed();

    @Message("See the upcoming events")
    String seeUpcomingEvents();

    @Message("Event not found")
    String eventNotFound();

    @Message("There is no event at this address. The link may be mistyped, or the event may have been removed.")
    String eventNotFoundText();

    @Message("You are registered")
    String registeredTitle();

    @Message("You are registered for")
    String registeredFor();

    @Message("A confirmation email is on its way. It has everything you need to join.")
    String confirmationOnItsWay();

    @Message("You are on the waitlist")
    String waitlistedTitle();

    @Message("All places are taken, so you are on the waitlist for")
    String waitlistedFor();

    @Message("If a place becomes free, it goes to those waiting longest, and we will email you.")
    String waitlistedText();

    @Message("You were already registered")
    String againTitle();

    @Message("You were already registered for")
    String againFor();

    @Message("Your answers are updated, and we are sending your confirmation again.")
    String againText();

    @Message("Cancel your registration?")
    String cancelQuestion();

    @Message("Cancel my registration")
    String cancelButton();

    @Message("If you do not want to cancel, close this page: nothing changes.")
    String cancelKeep();

    @Message("Your registration is cancelled")
    String cancelledTitle();

    @Message("This registration was already cancelled")
    String alreadyCancelledTitle();

    @Message("You are no longer registered for")
    String noLongerRegisteredFor();

    @Message("You will get no reminders for it. Changed your mind? You can register again while registration is open.")
    String cancelledText();

    @Message("Register again")
    String registerAgain();

    @Message("This link does not work")
    String badLinkTitle();

    @Message("The cancel link is not complete or not valid. Open it again from your email; if your email program split it over two lines, copy the whole link.")
    String badLinkText();

    @Message("The event has ended")
    String tooLateTitle();

    @Message("has ended, so there is nothing left to cancel.")
    String tooLateText();

    @Message("The joining link is not complete or not valid. Open it again from your email; if your email program split it over two lines, copy the whole link.")
    String joinBadLinkText();

    @Message("This joining link belongs to a registration that was cancelled, so it does not lead into the event.")
    String joinCancelledText();

    @Message("The joining link leads into the event once you have a place.")
    String joinWaitlistedText();

    @Message("The event was cancelled")
    String joinEventCancelledTitle();

    @Message("It is not time to join yet")
    String joinNotYetTitle();

    /** Followed by the time, as the pages write it: "… opens on Monday 19 April 2027, 18:15 (…)". */
    @Message("Your joining link opens on")
    String joinOpensOn();

    @Message("{minutes} minutes before the start.")
    String joinOpensBefore(long minutes);

    @Message("Please come back then, with the same link.")
    String joinComeBack();

    @Message("has ended, so there is nothing left to join.")
    String joinEndedText();

    @Message("Leave this field empty")
    String honeypotLabel();

    @Message("Checking before sending…")
    String checkingBeforeSending();

    @Message("The form has a field that only programs fill in, and it was filled in. If you are a person, please press Register again.")
    String refusedHoneypot();

    @Message("This form was sent from another website. Please register here, on this page.")
    String refusedOtherSite();

    @Message("The page was open for a long time, so the form has to be sent again. Your answers are kept: please press Register.")
    String refusedFormExpired();

    @Message("The form arrived incomplete. Your answers are kept: please press Register again.")
    String refusedFormForged();

    @Message("The automatic check that a person is registering did not work. Your answers are kept: please press Register again.")
    String refusedProof();

    @Message("Too many registrations came from your network in a short time. Please try again in {minutes} minutes.")
    String refusedTooManyFromAddress(long minutes);

    @Message("Too many registrations were made with this email address in a short time. Please try again in {minutes} minutes.")
    String refusedTooManyForEmail(long minutes);
}

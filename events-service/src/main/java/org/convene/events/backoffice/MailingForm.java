package org.convene.events.backoffice;

import java.util.SequencedMap;

import jakarta.validation.Validator;

import org.convene.contracts.mailing.MailingAudience;
import org.convene.events.mailing.Mailing;
import org.convene.events.mailing.MailingFields;
import org.convene.platform.problem.FieldErrors;
import org.convene.platform.problem.FormErrors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The message form as the organiser typed it, kept as text so that a page with an error shows it
 * again. Inputs are named as the API's fields, so that its validation messages land beside them.
 */
public class MailingForm {

    /** The page's inputs in order, with their labels, for the error summary. */
    static final SequencedMap<String, String> FIELDS = EventForm.labels("subject", "Subject", "body", "Message",
            "audience", "Send to");

    @RestForm
    public String subject = "";
    @RestForm
    public String body = "";
    /** Null when no button was chosen, which is an error: nobody is written to by default. */
    @RestForm
    public String audience;

    /** What the form made of the text: the request for the API, or what is wrong. */
    public record Parsed(MailingFields fields, FormErrors errors) {
    }

    /** A new message goes to those with a place unless the organiser chooses otherwise. */
    static MailingForm blank() {
        MailingForm form = new MailingForm();
        form.audience = MailingAudience.REGISTERED.name();
        return form;
    }

    static MailingForm of(Mailing mailing) {
        MailingForm form = new MailingForm();
        form.subject = mailing.subject;
        form.body = mailing.body;
        form.audience = mailing.audience.name();
        return form;
    }

    /** Checked with the API's own rules. */
    Parsed parse(Validator validator) {
        MailingFields fields = new MailingFields(text(subject), text(body), audience);
        return new Parsed(fields, FormErrors.of(FieldErrors.of(validator.validate(fields)), FIELDS));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

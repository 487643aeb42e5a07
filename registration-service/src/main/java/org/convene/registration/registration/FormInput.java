package org.convene.registration.registration;

import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The registration form as the browser sent it: every value as typed, so that a page with an error
 * shows exactly what was sent. Inputs are named as the API's fields, so that the same validation
 * messages land beside them.
 */
public class FormInput {

    @RestForm
    public String name;

    @RestForm
    public String email;

    @RestForm
    public String country;

    @RestForm
    public String organisation;

    @RestForm
    public String timeZone;

    @RestForm
    public String language;

    @RestForm
    public List<String> consentTo = new ArrayList<>();

    /** The honeypot: hidden from people, filled in by programs that fill in every field. */
    @RestForm
    public String website;

    /** Signed by the page that showed the form (bots.FormTokens). */
    @RestForm
    public String formToken;

    /** The proof of work the page's script solved, if it ran (bots.ProofOfWork). */
    @RestForm
    public String altcha;

    /** An empty form, with the event's zone and the page's language chosen until the person changes them. */
    static FormInput blank(String zone, String language) {
        FormInput input = new FormInput();
        input.timeZone = zone;
        input.language = language;
        return input;
    }

    RegistrationForm toForm() {
        return new RegistrationForm(name, email, country, organisation, timeZone, language, consentTo);
    }

    /** Whether the person ticked {@code organisation}'s box, for showing the form again. */
    public boolean ticked(String organisation) {
        return consentTo != null && consentTo.contains(organisation);
    }
}

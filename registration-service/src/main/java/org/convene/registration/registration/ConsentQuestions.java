package org.convene.registration.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.problem.ProblemException;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.i18n.PageMessages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * One consent question per organisation of an event (its host, then each supporter), unticked
 * unless the person ticked it, worded in the language they read it in.
 */
@ApplicationScoped
public class ConsentQuestions {

    /** The words beside {@code organisation}'s box, in {@code language}. */
    public String wording(String organisation, String language) {
        return MessageBundles.get(PageMessages.class, Localized.Literal.of(language)).consent(organisation);
    }

    /**
     * An answer to every question of the event; a ticked box that names no organisation of the event
     * is refused as a field error rather than dropped.
     */
    List<ConsentAnswer> answers(CatalogueEvent event, List<String> ticked, String shownIn, Instant at) {
        List<String> organisations = event.organisations();
        for (int i = 0; i < ticked.size(); i++) {
            if (!organisations.contains(ticked.get(i))) {
                throw ProblemException.invalidField("consentTo[" + i + "]",
                        "'" + ticked.get(i) + "' is not an organisation of this event; it has " + organisations);
            }
        }
        List<ConsentAnswer> answers = new ArrayList<>();
        for (String organisation : organisations) {
            answers.add(new ConsentAnswer(organisation, wording(organisation, shownIn), ticked.contains(organisation),
                    at));
        }
        return answers;
    }
}

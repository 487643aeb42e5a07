package org.convene.events.organiser;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;
import org.convene.platform.security.SecurityEvents;

/** An organiser changing their password: every other session of theirs ends with the old one. */
@ApplicationScoped
public class Passwords {

    private final Sessions sessions;

    public Passwords(Sessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param kept the session the change is made from, which goes on
     * @throws ProblemException invalid-input naming the field at fault; nothing changes then
     */
    @Transactional
    public void change(UUID organiserId, UUID kept, String current, String next, String from) {
        Organiser organiser = Organiser.findById(organiserId);
        if (organiser == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Sign in as an organiser first");
        }
        organiser.changePassword(current, next);
        sessions.endAllOf(organiserId, kept);
        SecurityEvents.record(SecurityEvents.Kind.PASSWORD_CHANGE, organiserId, from, null);
    }
}

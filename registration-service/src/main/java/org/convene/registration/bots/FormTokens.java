package org.convene.registration.bots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.signing.Signer;

/**
 * The hidden token of the registration form: the event and the time the page was made, signed. It
 * proves the form came from this site's page for this event, lately. No cookie is involved: the
 * embedded form lives in other sites' frames, where browsers keep no cookies for this site.
 */
@ApplicationScoped
public class FormTokens {

    public enum Check {
        VALID, EXPIRED, FORGED
    }

    private static final String PURPOSE = "registration-form";

    private final Signer signer;
    private final Clock clock;
    private final Duration lifetime;

    public FormTokens(Signer signer, Clock clock, BotDefenceConfig bots) {
        this.signer = signer;
        this.clock = clock;
        this.lifetime = bots.formLifetime();
    }

    public String issue(UUID eventId) {
        return issue(eventId, clock.instant());
    }

    String issue(UUID eventId, Instant issued) {
        String issuedAt = Long.toString(issued.getEpochSecond());
        return issuedAt + "." + signer.sign(PURPOSE, eventId + ":" + issuedAt);
    }

    public Check check(UUID eventId, String token) {
        if (token == null) {
            return Check.FORGED;
        }
        int dot = token.indexOf('.');
        if (dot < 0 || !signer.verify(PURPOSE, eventId + ":" + token.substring(0, dot), token.substring(dot + 1))) {
            return Check.FORGED;
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(token.substring(0, dot)));
        return clock.instant().isAfter(issued.plus(lifetime)) ? Check.EXPIRED : Check.VALID;
    }
}

package org.convene.notification.unsubscribe;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.contracts.signing.Signer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * A registrant's signed link to unsubscribe, for the {@code List-Unsubscribe} header and the foot of
 * every email. The signature covers the registration, so a link cannot be turned to another person's.
 */
@ApplicationScoped
@Startup // a missing or short secret stops the service at start, not at its first email
public class UnsubscribeLinks {

    private static final String PURPOSE = "unsubscribe";

    private final Signer signer;
    private final String base;

    public UnsubscribeLinks(Signer signer, @ConfigProperty(name = "convene.unsubscribe.url") String base) {
        this.signer = signer;
        this.base = base.replaceAll("/+$", "");
    }

    public String url(UUID registrationId) {
        return base + "/unsubscribe/" + registrationId + "?token=" + signer.sign(PURPOSE, registrationId.toString());
    }

    public boolean isValid(UUID registrationId, String token) {
        return signer.verify(PURPOSE, registrationId.toString(), token);
    }
}

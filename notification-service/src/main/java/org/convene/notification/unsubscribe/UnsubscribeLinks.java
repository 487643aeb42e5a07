package org.convene.notification.unsubscribe;

import jakarta.inject.Singleton;

import org.convene.platform.signing.SignedLinks;
import org.convene.platform.signing.Signer;

import io.quarkus.runtime.Startup;

/** A registrant's link to unsubscribe, for the {@code List-Unsubscribe} header and the foot of every email. */
@Singleton
@Startup // a missing or short secret stops the service at start, not at its first email
public class UnsubscribeLinks extends SignedLinks {

    public UnsubscribeLinks(Signer signer, UnsubscribeConfig config) {
        super(signer, "unsubscribe", config.url(), "/unsubscribe/%s");
    }
}

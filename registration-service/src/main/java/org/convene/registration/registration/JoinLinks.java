package org.convene.registration.registration;

import java.util.UUID;

import jakarta.inject.Singleton;

import org.convene.platform.signing.SignedLinks;
import org.convene.platform.signing.Signer;
import org.convene.registration.share.PublicAddress;

/**
 * A registrant's own joining link, from their emails. It leads through this site, which records that
 * the person came before sending them on, so the event's own link never has to be given out.
 */
@Singleton
public class JoinLinks extends SignedLinks {

    private static final String PATH = "/join/%s";

    public JoinLinks(Signer signer, PublicAddress publicAddress) {
        super(signer, "join-event", publicAddress.url(""), PATH);
    }

    public static String path(UUID registrationId) {
        return PATH.formatted(registrationId);
    }
}

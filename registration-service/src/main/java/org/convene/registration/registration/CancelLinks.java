package org.convene.registration.registration;

import java.util.UUID;

import jakarta.inject.Singleton;

import org.convene.platform.signing.SignedLinks;
import org.convene.platform.signing.Signer;
import org.convene.registration.share.PublicAddress;

/** A registrant's link to cancel, from their emails: it leads to a page that asks them to confirm. */
@Singleton
public class CancelLinks extends SignedLinks {

    private static final String PATH = "/registrations/%s/cancel";

    public CancelLinks(Signer signer, PublicAddress publicAddress) {
        super(signer, "cancel-registration", publicAddress.url(""), PATH);
    }

    public static String path(UUID registrationId) {
        return PATH.formatted(registrationId);
    }
}

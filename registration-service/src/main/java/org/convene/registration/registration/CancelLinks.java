package org.convene.registration.registration;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.registration.share.PublicAddress;
import org.convene.contracts.signing.Signer;

/**
 * A registrant's link to cancel, from their emails: the registration's id and an HMAC of it, so that
 * nobody can make the link of another registration. It names one registration and serves only to
 * cancel (the purpose is part of what is signed), and it needs no sign-in.
 */
@ApplicationScoped
public class CancelLinks {

    private static final String PURPOSE = "cancel-registration";

    private final Signer signer;
    private final PublicAddress publicAddress;

    public CancelLinks(Signer signer, PublicAddress publicAddress) {
        this.signer = signer;
        this.publicAddress = publicAddress;
    }

    /** The page that asks the registrant to confirm, with the token that lets them. */
    public String url(UUID registrationId) {
        return publicAddress.url(path(registrationId) + "?token=" + token(registrationId));
    }

    public static String path(UUID registrationId) {
        return "/registrations/" + registrationId + "/cancel";
    }

    public String token(UUID registrationId) {
        return signer.sign(PURPOSE, registrationId.toString());
    }

    public boolean isValid(UUID registrationId, String token) {
        return signer.verify(PURPOSE, registrationId.toString(), token);
    }
}

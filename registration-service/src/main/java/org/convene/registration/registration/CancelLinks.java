package org.convene.registration.registration;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.registration.share.PublicAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A registrant's link to cancel, from their emails: the registration's id and an HMAC of it, so that
 * nobody can make the link of another registration. It names one registration and serves only to
 * cancel (the purpose is part of what is signed), and it needs no sign-in.
 */
@ApplicationScoped
public class CancelLinks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PURPOSE = "cancel-registration:";
    /** 256 bits, the size of the MAC: a shorter secret is the weaker part. */
    static final int MINIMUM_SECRET_LENGTH = 32;

    private final SecretKeySpec key;
    private final PublicAddress publicAddress;

    public CancelLinks(@ConfigProperty(name = "convene.links.secret") String secret, PublicAddress publicAddress) {
        if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("convene.links.secret (CONVENE_LINKS_SECRET) must have at least "
                    + MINIMUM_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(registrationId));
    }

    /** Compared in constant time, so that the answer's timing tells nothing about a near miss. */
    public boolean isValid(UUID registrationId, String token) {
        if (token == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(registrationId), given);
    }

    private byte[] mac(UUID registrationId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((PURPOSE + registrationId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}

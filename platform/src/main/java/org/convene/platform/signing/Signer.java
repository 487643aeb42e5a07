package org.convene.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs with a service's secret ({@code convene.links.secret}, its own in each service): links in
 * emails, form tokens, challenges, counter keys. Each use names its purpose, which is part of what is
 * signed, so that a signature made for one use is worth nothing for another. A service that signs
 * gets one from {@link SignerProducer}.
 */
public class Signer {

    /** The property that holds a service's secret; set it from the environment (CONVENE_LINKS_SECRET). */
    public static final String SECRET_PROPERTY = "convene.links.secret";

    private static final String ALGORITHM = "HmacSHA256";
    /** 256 bits, the size of the MAC: a shorter secret is the weaker part. */
    static final int MINIMUM_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    public Signer(String secret) {
        if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("convene.links.secret (CONVENE_LINKS_SECRET) must have at least "
                    + MINIMUM_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of {@code message} for {@code purpose}, for an address or a form (base64url). */
    public String sign(String purpose, String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, message));
    }

    /** Compared in constant time, so that the answer's timing tells nothing about a near miss. */
    public boolean verify(String purpose, String message, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(purpose, message), given);
    }

    /** A key of its own for {@code purpose} (hex), for a library that takes a key rather than a secret. */
    public String derivedKey(String purpose) {
        return HexFormat.of().formatHex(mac(purpose, ""));
    }

    private byte[] mac(String purpose, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((purpose + ':' + message).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}

package org.convene.platform.signing;

import java.util.UUID;

/**
 * One kind of link to one registration in a registrant's emails (cancel, join, unsubscribe): the
 * registration's id in the path and a signature of it as {@code token}, so that nobody can make the
 * link of another registration, and the purpose signed with it, so that one kind of link is worth
 * nothing as another. It needs no sign-in. Each kind is a bean of its service that extends this.
 */
public class SignedLinks {

    private final Signer signer;
    private final String purpose;
    private final String base;
    private final String pathFormat;

    /**
     * @param base       the scheme, host and port (and any prefix) the links start with
     * @param pathFormat the path, with {@code %s} where the registration's id goes
     */
    protected SignedLinks(Signer signer, String purpose, String base, String pathFormat) {
        this.signer = signer;
        this.purpose = purpose;
        this.base = base.replaceAll("/+$", "");
        this.pathFormat = pathFormat;
    }

    public String url(UUID registrationId) {
        return base + pathFormat.formatted(registrationId) + "?token=" + token(registrationId);
    }

    public String token(UUID registrationId) {
        return signer.sign(purpose, registrationId.toString());
    }

    public boolean isValid(UUID registrationId, String token) {
        return signer.verify(purpose, registrationId.toString(), token);
    }
}

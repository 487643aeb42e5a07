package org.convene.platform.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses an organiser token whose session ended (signed out, password changed) or that names no
 * session: a token is then worth nothing the moment its session ends, not when it expires. In a
 * service without {@link OrganiserSessions} (one that takes no organiser tokens) it does nothing.
 */
@ApplicationScoped
public class EndedSessionCheck implements SecurityIdentityAugmentor {

    private final Instance<OrganiserSessions> sessions;

    public EndedSessionCheck(Instance<OrganiserSessions> sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) || !sessions.isResolvable()) {
            return Uni.createFrom().item(identity);
        }
        UUID session;
        try {
            session = UUID.fromString(String.valueOf(token.<Object> getClaim(OrganiserSessions.SESSION_CLAIM)));
        } catch (IllegalArgumentException none) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token names no session"));
        }
        return context.runBlocking(() -> {
            if (sessions.get().ended(session)) {
                throw new AuthenticationFailedException("The token's session has ended");
            }
            return identity;
        });
    }
}

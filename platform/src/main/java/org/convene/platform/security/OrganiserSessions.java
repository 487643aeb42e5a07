package org.convene.platform.security;

import java.util.UUID;

/**
 * Whether an organiser's session still holds, as this service knows it: events-service from its own
 * sessions, every other service that takes organiser tokens from the {@code sessions} topic. A token is
 * refused once its session ended, though its signature and expiry still hold ({@link EndedSessionCheck}).
 */
public interface OrganiserSessions {

    /** The audience every organiser token names: tokens made for anything else are refused. */
    String AUDIENCE = "convene";

    /** The claim that names a token's session. */
    String SESSION_CLAIM = "sid";

    /** Whether the session ended before its time (signed out, its organiser's password changed). */
    boolean ended(UUID sessionId);
}

package org.convene.events.organiser;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The cookies a browser holds a session in: the token, which every service reads, and the refresh
 * token, which only the back office's pages here read, to make a new token when the last one expired.
 * Both HttpOnly and SameSite=Strict, and Secure: browsers keep them on https, and on http only for
 * localhost, as the run command serves. Both last as long as a session may: the token inside expires
 * sooner, and is then refreshed.
 */
@ApplicationScoped
public class SessionCookies {

    /** Where the pages' token travels; {@code mp.jwt.token.cookie} names the same. */
    public static final String TOKEN = "convene_session";

    /** Where the pages' refresh token travels: sent to the back office's pages only. */
    public static final String REFRESH = "convene_refresh";

    private static final String PAGES = "/organiser";

    private final Sessions sessions;

    public SessionCookies(Sessions sessions) {
        this.sessions = sessions;
    }

    public NewCookie token(Sessions.Session session) {
        return cookie(TOKEN, session.token(), "/", (int) sessions.lifespan().toSeconds());
    }

    public NewCookie refresh(Sessions.Session session) {
        return cookie(REFRESH, session.refreshToken(), PAGES, (int) sessions.lifespan().toSeconds());
    }

    /** Tells the browser to forget both. */
    public NewCookie[] forgotten() {
        return new NewCookie[] { cookie(TOKEN, "", "/", 0), cookie(REFRESH, "", PAGES, 0) };
    }

    private static NewCookie cookie(String name, String value, String path, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}

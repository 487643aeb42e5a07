package org.convene.platform.security;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.jboss.logging.Logger;

/**
 * The security events an operator audits: sign-ins, failed and refused ones, sign-outs, exports and
 * erasures, each on one line of the category {@value #CATEGORY} at INFO, as
 * {@code security-event=<kind> organiser=<id> from=<client address> [about=<id>]}. Who by their id
 * ({@code unknown} for an address that is no account's), from where by the client's address, when by the
 * line's time. Never a password, an email or a registrant's address: only ids.
 */
public final class SecurityEvents {

    /** The log category, for an operator's filter or a separate handler. */
    public static final String CATEGORY = "convene.security";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /** What happened. */
    public enum Kind {
        SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LIMITED, SIGN_OUT, PASSWORD_CHANGE, EXPORT, ERASURE;

        String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private SecurityEvents() {
    }

    /**
     * @param organiser the account's id, or null when the account is not known (a failed sign-in)
     * @param from the client's address as the HTTP layer resolved it
     * @param about the object touched (an event, a registration), or null
     */
    public static void record(Kind kind, UUID organiser, String from, UUID about) {
        LOG.infof("security-event=%s organiser=%s from=%s%s", kind.text(), Objects.toString(organiser, "unknown"),
                from, about == null ? "" : " about=" + about);
    }
}

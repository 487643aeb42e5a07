package org.convene.platform.email;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses Convene takes, and how each goes on the wire. An address is accepted only if every
 * SMTP server on the way can deliver it without extensions, so that nothing accepted at the form is
 * refused later:
 * <ul>
 * <li>the local part is a dot-atom of RFC 5322's atext (letters, digits and {@code !#$%&'*+/=?^_`{|}~-},
 * dots between them), at most 64 octets, kept as typed (a local part may be case-sensitive);</li>
 * <li>the domain is a host name of at least two labels, letters, digits and hyphens, or an
 * internationalised one (IDN), which is sent in its ASCII form ({@code xn--}), so it needs no SMTPUTF8;</li>
 * <li>the whole, as sent, is at most 254 octets (RFC 5321's path of 256, less its angle brackets).</li>
 * </ul>
 * Refused: quoted local parts ({@code "a b"@x.org}), which almost no one has and many servers mangle;
 * non-ASCII local parts, which need SMTPUTF8 from every server on the way, and the Vert.x mail client
 * that sends Convene's emails does not speak it (4.5); address literals
 * ({@code a@[192.0.2.1]}) and numeric top-level domains.
 */
public final class EmailAddress {

    /** RFC 5321, 4.5.3.1.3: a path of 256 octets with its angle brackets. */
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 253;
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private EmailAddress() {
    }

    public static boolean isAcceptable(String address) {
        return deliverable(address).isPresent();
    }

    /**
     * The address as it goes on the envelope, in the header and in a {@code mailto:} URI: the local part
     * as given, the domain in lower-case ASCII. Empty when Convene does not take the address.
     */
    public static Optional<String> deliverable(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || !isDotAtom(address.substring(0, at))) {
            return Optional.empty();
        }
        String localPart = address.substring(0, at);
        return asciiDomain(address.substring(at + 1))
                .map(domain -> localPart + "@" + domain)
                .filter(whole -> whole.length() <= MAX_LENGTH);
    }

    /**
     * {@link #deliverable(String)}, for an address that should have been checked already: one that was
     * not (an older release took more) fails the one email it is for, with an exception that names no
     * address.
     */
    public static String forSending(String address) {
        return deliverable(address).orElseThrow(UndeliverableAddressException::new);
    }

    /**
     * A {@code mailto:} URI, its characters that URIs do not allow ({@code %}, {@code {}, {@code |} …)
     * percent-encoded, as the multi-argument constructor does: concatenated, they made {@code URI.create}
     * throw.
     */
    public static URI mailto(String address) {
        try {
            return new URI("mailto", forSending(address), null);
        } catch (URISyntaxException e) {
            // The constructor quotes every character a URI does not allow; an accepted address has no other.
            throw new UndeliverableAddressException();
        }
    }

    private static boolean isDotAtom(String localPart) {
        if (localPart.length() > MAX_LOCAL_PART) {
            return false;
        }
        for (String atom : localPart.split("\\.", -1)) {
            if (!ATOM.matcher(atom).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> asciiDomain(String domain) {
        if (domain.isEmpty() || domain.endsWith(".")) {
            return Optional.empty();
        }
        String ascii;
        try {
            // Maps full stops of other scripts (U+3002 …) to '.', and refuses what no host name can hold.
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > MAX_DOMAIN || labels.length < 2 || DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }
}

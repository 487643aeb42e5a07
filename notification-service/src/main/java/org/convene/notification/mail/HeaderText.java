package org.convene.notification.mail;

import java.util.regex.Pattern;

/**
 * Makes text safe for an email header: a line break in a title must not start a header of its own
 * (header injection), so control characters and line separators become spaces.
 */
final class HeaderText {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private HeaderText() {
    }

    static String oneLine(String text) {
        return SPACES.matcher(UNSAFE.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }
}

package org.convene.registration.share;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The places people share an event to, as plain links (no third-party script, nothing loaded until
 * someone clicks): each service's documented share address with the event's address and words.
 */
public record ShareLinks(String url, String facebook, String x, String whatsApp, String bluesky, String email) {

    public static ShareLinks of(String url, String title, String summary) {
        String text = summary == null || summary.isBlank() ? title : title + " – " + summary;
        return new ShareLinks(url,
                "https://www.facebook.com/sharer/sharer.php?u=" + encode(url),
                "https://x.com/intent/post?text=" + encode(title) + "&url=" + encode(url),
                "https://wa.me/?text=" + encode(title + " " + url),
                "https://bsky.app/intent/compose?text=" + encode(title + " " + url),
                "mailto:?subject=" + encode(title) + "&body=" + encode(text + "\n\n" + url));
    }

    /** Spaces as %20, not +: mail programs and some apps show a + as it is. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.convene.contracts.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * An organiser's long description as safe HTML: paragraphs, line breaks, lists, emphasis and links
 * (http, https and mailto only, opened without access to the page that links). Everything else is
 * stripped, its text kept. Cleaned where it is written and again where it is shown.
 */
public final class RichText {

    private static final Safelist SAFE = new Safelist()
            .addTags("p", "br", "em", "strong", "i", "b", "ul", "ol", "li", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private RichText() {
    }

    public static String clean(String html) {
        if (html == null) {
            return null;
        }
        return Jsoup.clean(html, "", SAFE, OUTPUT).strip();
    }
}

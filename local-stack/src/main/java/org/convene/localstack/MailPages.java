package org.convene.localstack;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The captured-email pages: plain HTML, every value escaped, each email's HTML in a sandbox. */
final class MailPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private MailPages() {
    }

    static String list(List<CapturedMail> mails) {
        StringBuilder rows = new StringBuilder();
        for (CapturedMail m : mails.reversed()) {
            rows.append("<tr><td>").append(esc(TIME.format(m.sentAt()))).append("</td><td>")
                    .append(esc(String.join(", ", m.to()))).append("</td><td><a href=\"/messages/")
                    .append(m.index()).append("\">").append(esc(m.subject())).append("</a></td></tr>\n");
        }
        String body = mails.isEmpty() ? "<p>No email has arrived yet.</p>"
                : "<table><caption>" + mails.size() + " emails, newest first</caption>"
                        + "<thead><tr><th scope=\"col\">Sent</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th>"
                        + "</tr></thead><tbody>\n" + rows + "</tbody></table>";
        return page("Captured emails", "<h1>Captured emails</h1>" + body);
    }

    static String message(CapturedMail m) {
        StringBuilder headers = new StringBuilder("<dl>");
        for (Map.Entry<String, List<String>> h : m.headers().entrySet()) {
            for (String v : h.getValue()) {
                headers.append("<dt>").append(esc(h.getKey())).append("</dt><dd>").append(esc(v)).append("</dd>");
            }
        }
        headers.append("</dl>");
        String html = m.html() == null ? "<p>This email has no HTML part.</p>"
                : "<iframe title=\"HTML part\" sandbox srcdoc=\"" + esc(m.html()) + "\"></iframe>";
        String text = m.text() == null ? "<p>This email has no text part.</p>" : "<pre>" + esc(m.text()) + "</pre>";
        StringBuilder attachments = new StringBuilder();
        for (CapturedMail.Attachment a : m.attachments()) {
            attachments.append("<h2>Attached: ").append(esc(a.name() == null ? a.contentType() : a.name()))
                    .append("</h2><pre>").append(esc(a.content())).append("</pre>");
        }
        return page(m.subject(), "<p><a href=\"/\">All emails</a></p><h1>" + esc(m.subject()) + "</h1>"
                + "<p>From " + esc(m.from()) + " to " + esc(String.join(", ", m.to())) + "</p>"
                + "<h2>HTML</h2>" + html + "<h2>Text</h2>" + text + attachments
                + "<details><summary>Headers</summary>" + headers + "</details>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " – Convene local stack</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}"
                + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}"
                + "iframe{width:100%;height:28rem;border:1px solid #999}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}"
                + "dt{font-weight:bold}</style></head><body>" + body + "</body></html>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

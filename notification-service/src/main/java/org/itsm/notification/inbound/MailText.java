package org.itsm.notification.inbound;

/** A mail's text part as plain text: HTML is flattened (tags dropped, breaks and paragraphs kept as lines). */
final class MailText {

    record Part(String content, boolean html) {
    }

    private MailText() {
    }

    static String of(Part part) {
        if (part == null || part.content() == null) {
            return "";
        }
        if (!part.html()) {
            return part.content();
        }
        return part.content()
                .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?is)<blockquote.*?</blockquote>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>", "\n")
                .replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}

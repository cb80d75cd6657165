package io.kervan.shared;

/**
 * Text made safe for HTML element content and quoted attribute values, for the few places that write markup
 * in Java instead of a template (the kanban board's cards, {@code deals.DealCardMarkup}, ADR 14). Escapes the five
 * characters that could end a text or an attribute, as Thymeleaf's {@code th:text} does; every other character,
 * Turkish letters included, is written as it is (pages are UTF-8).
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** Appends {@code text} escaped; nothing for {@code null}. */
    public static StringBuilder append(StringBuilder html, String text) {
        if (text == null) {
            return html;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html;
    }
}

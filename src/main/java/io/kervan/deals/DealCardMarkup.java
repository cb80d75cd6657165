package io.kervan.deals;

import io.kervan.shared.HtmlText;
import java.util.List;

/**
 * The HTML of a board column's cards, written in Java rather than by the template. A board has up to 175 cards,
 * and Thymeleaf spent most of the board's CPU on them: a dozen attribute processors and expressions per card,
 * each looked up through the request's attribute layers (ADR 14; docs/benchmarks.md, "Tenth round"). Appending the
 * same markup here costs a few microseconds per card. Every text from a record or a user goes through
 * {@link HtmlText}; the board template ({@code deals/board.html}) inserts the result unescaped, column by column.
 * deals.js relies on the classes and {@code data-} attributes below.
 */
final class DealCardMarkup {

    private DealCardMarkup() {
    }

    /**
     * @param dealBase the path of a deal's page without its id ("/deals/")
     * @param staleText the stale badge's text in the reader's language
     */
    static String column(List<DealCard> cards, String dealBase, String staleText) {
        StringBuilder html = new StringBuilder(cards.size() * 700);
        for (DealCard card : cards) {
            card(html, card, dealBase, staleText);
        }
        return html.toString();
    }

    private static void card(StringBuilder html, DealCard card, String dealBase, String staleText) {
        html.append("<article class=\"deal-card card card-sm\" id=\"deal-").append(card.id())
                .append("\" data-deal-id=\"").append(card.id()).append("\" data-title=\"");
        HtmlText.append(html, card.title()).append('"');
        if (card.value() != null) {
            html.append(" data-value=\"").append(card.value().toPlainString()).append('"');
        }
        html.append("><div class=\"card-body p-2\">\n<a class=\"deal-link fw-bold d-block\" href=\"");
        HtmlText.append(html, dealBase).append(card.id()).append("\">");
        HtmlText.append(html, card.title()).append("</a>\n");
        if (card.companyName() != null) {
            HtmlText.append(html.append("<div class=\"small text-secondary\">"), card.companyName()).append("</div>\n");
        }
        if (card.valueText() != null) {
            HtmlText.append(html.append("<div class=\"small deal-value\">"), card.valueText()).append("</div>\n");
        }
        html.append("<div class=\"d-flex justify-content-between align-items-center small text-secondary mt-1\"><span>");
        HtmlText.append(html, card.ownerName()).append("</span><span>");
        HtmlText.append(html, card.daysText()).append("</span></div>\n");
        if (card.stale()) {
            HtmlText.append(html.append("<span class=\"badge bg-orange-lt mt-1 stale-badge\">"), staleText)
                    .append("</span>\n");
        }
        html.append("</div></article>\n");
    }
}

package io.kervan.deals;

import io.kervan.identity.OwnerChoices;
import io.kervan.shared.MoneyFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A board's deals as cards for the reader: owner names, amounts and stage ages in the reader's language, written
 * as each column's HTML ({@link DealCardMarkup}).
 */
@Component
class DealBoardCards {

    private final OwnerChoices owners;
    private final MessageSource messages;

    DealBoardCards(OwnerChoices owners, MessageSource messages) {
        this.owners = owners;
        this.messages = messages;
    }

    /**
     * The HTML of the given columns' cards, by column key.
     *
     * @param dealBase the path of a deal's page without its id ("/deals/", behind the servlet's context path)
     */
    Map<String, String> html(List<DealBoard.Column> columns, Instant now, Locale locale, String dealBase) {
        Map<UUID, String> ownerNames = owners.names(columns.stream()
                .flatMap(c -> c.cards().stream()).map(DealSummary::ownerId).distinct().toList());
        // Most cards share a few stage ages; each text is made once.
        Map<Long, String> daysTexts = new HashMap<>();
        String staleText = messages.getMessage("deal.stale", null, locale);
        Map<String, String> html = new LinkedHashMap<>();
        for (DealBoard.Column column : columns) {
            List<DealCard> cards = column.cards().stream().map(deal -> new DealCard(deal.id(), deal.title(),
                    deal.value(), deal.companyName(),
                    deal.value() == null ? null : MoneyFormat.format(deal.value(), locale) + " " + deal.currency(),
                    ownerNames.get(deal.ownerId()),
                    daysTexts.computeIfAbsent(deal.daysInStage(now),
                            days -> messages.getMessage("deals.board.daysInStage", new Object[] {days}, locale)),
                    deal.stale())).toList();
            html.put(column.key(), DealCardMarkup.column(cards, dealBase, staleText));
        }
        return html;
    }
}

package io.kervan.deals;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A kanban card with its texts already made in the reader's language. A board shows up to 175 cards;
 * formatting amounts and messages once here instead of in a dozen template expressions per card cut a
 * board's app CPU by about a third (docs/benchmarks.md, "Fourth round").
 *
 * @param valueText the amount with its currency ("1.234,50 TRY"); {@code null} when the deal has no value
 * @param daysText how long the deal has been in its stage ("Aşamada 3 gün")
 */
public record DealCard(UUID id, String title, BigDecimal value, String companyName, String valueText,
        String ownerName, String daysText, boolean stale) {
}

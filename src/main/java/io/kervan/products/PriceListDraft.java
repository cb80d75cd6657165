package io.kervan.products;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A price list as entered, before validation. {@code currency} {@code null} means TRY; {@code active}
 * {@code null} means active. Every item names a product (at most once per list) and its tiers in
 * strictly increasing {@code minQuantity} order; the lowest tier's minimum is the minimum orderable quantity.
 */
public record PriceListDraft(String name, String currency, Boolean active, LocalDate validFrom, LocalDate validTo,
        List<Item> items) {

    public record Item(UUID productId, List<PriceTier> tiers) {
    }
}

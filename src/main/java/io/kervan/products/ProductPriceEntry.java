package io.kervan.products;

import java.util.List;
import java.util.UUID;

/** How one price list prices one product: shown on the product's page. */
public record ProductPriceEntry(UUID priceListId, String priceListName, String currency, boolean active,
        List<PriceTier> tiers) {
}

package io.kervan.deals;

import java.math.BigDecimal;
import java.util.UUID;

/** Adds a product to a deal; the unit price comes from the price list's tier for the quantity (or the product). */
public record DealLineItemRequest(UUID productId, BigDecimal quantity, UUID priceListId, BigDecimal discountPercent) {
}

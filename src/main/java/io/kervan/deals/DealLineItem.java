package io.kervan.deals;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product on a deal, priced when it was added: {@code total = quantity × unitPrice × (1 − discount)},
 * rounded to 2 decimals half-up (see {@code products.LineItemPricing}).
 */
public record DealLineItem(UUID id, UUID dealId, int position, UUID productId, String productCode, String productName,
        UUID priceListId, BigDecimal quantity, BigDecimal unitPrice, String currency, BigDecimal discountPercent,
        int vatRate, BigDecimal total) {
}

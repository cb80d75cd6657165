package io.kervan.products;

import java.math.BigDecimal;
import java.util.UUID;

/** A product row in lists and search results. */
public record ProductSummary(UUID id, String code, String name, String unit, BigDecimal unitPrice, String currency,
        int vatRate, boolean active) {
}

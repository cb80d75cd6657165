package io.kervan.products;

import java.math.BigDecimal;

/** One quantity tier of a price list item: from {@code minQuantity} on, each unit costs {@code price}. */
public record PriceTier(BigDecimal minQuantity, BigDecimal price) {
}

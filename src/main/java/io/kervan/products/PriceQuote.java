package io.kervan.products;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The price of a quantity of a product, as {@link PriceListService#quote} resolved it.
 *
 * @param priceListId the price list used; {@code null} when the product's own unit price applied
 * @param unitPrice the price of one unit at this quantity
 * @param currency the ISO currency of {@code unitPrice} and {@code total} (the price list's, or the product's)
 * @param minQuantity the minimum quantity of the tier used ({@code null} for the product's own price)
 * @param total {@code quantity × unitPrice} before any discount, rounded to 2 decimals half-up
 */
public record PriceQuote(UUID productId, UUID priceListId, BigDecimal quantity, BigDecimal unitPrice, String currency,
        BigDecimal minQuantity, BigDecimal total) {
}

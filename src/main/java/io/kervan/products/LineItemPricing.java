package io.kervan.products;

import io.kervan.shared.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of a line item, shared by deals, quotes and orders so that every module computes the
 * same total: {@code unitPrice × quantity × (1 − discountPercent / 100)}, rounded once, at the end,
 * to 2 decimals half-up (kuruş / cents).
 */
public final class LineItemPricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Beyond this many decimals an input is nonsense, and rounding it would cost unbounded time. */
    static final int MAX_SCALE = 10;
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");

    private LineItemPricing() {
    }

    /**
     * The line total.
     *
     * @param unitPrice at least 0
     * @param quantity above 0
     * @param discountPercent 0 to 100; {@code null} means no discount
     * @throws InvalidInputException naming {@code unitPrice}, {@code quantity} or {@code discountPercent}
     *         when a value is missing or out of range
     */
    public static BigDecimal total(BigDecimal unitPrice, BigDecimal quantity, BigDecimal discountPercent) {
        if (unitPrice == null || unitPrice.signum() < 0) {
            throw new InvalidInputException("unitPrice", unitPrice == null ? "validation.required" : "validation.negative");
        }
        if (!sane(unitPrice)) {
            throw new InvalidInputException("unitPrice", "validation.product.amount");
        }
        if (quantity == null || quantity.signum() <= 0 || !sane(quantity)) {
            throw new InvalidInputException("quantity", "validation.priceList.quantity");
        }
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0 || !sane(discount)) {
            throw new InvalidInputException("discountPercent", "validation.priceList.discount");
        }
        BigDecimal gross = unitPrice.multiply(quantity);
        // Exact so far; the one rounding happens at the end.
        BigDecimal net = gross.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
        return net.setScale(2, RoundingMode.HALF_UP);
    }

    /** Within 10^15 and at most {@value #MAX_SCALE} decimals. */
    static boolean sane(BigDecimal value) {
        return value.abs().compareTo(MAX_VALUE) < 0 && value.stripTrailingZeros().scale() <= MAX_SCALE;
    }
}

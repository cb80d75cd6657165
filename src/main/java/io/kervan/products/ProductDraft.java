package io.kervan.products;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as entered, before validation. {@code currency} {@code null} means TRY, {@code active}
 * {@code null} means active; {@code aliases} are alternative names (e.g. {@code GTXPro}) used by search and imports.
 */
public record ProductDraft(String code, String name, String description, String unit, BigDecimal unitPrice,
        String currency, Integer vatRate, Boolean active, List<String> aliases) {
}

package io.kervan.products;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored product, as the module shows it to others. {@code vatRate} is a percentage (0, 1, 10 or 20). */
public record ProductDetails(UUID id, String code, String name, String description, String unit,
        BigDecimal unitPrice, String currency, int vatRate, boolean active, List<String> aliases, Instant createdAt,
        Instant updatedAt, UUID createdBy, UUID updatedBy, long version) {

    public ProductDraft toDraft() {
        return new ProductDraft(code, name, description, unit, unitPrice, currency, vatRate, active, aliases);
    }
}

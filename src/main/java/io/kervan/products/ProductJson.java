package io.kervan.products;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The product's JSON shapes on the REST API. */
final class ProductJson {

    private ProductJson() {
    }

    /** Request body of create and (after merging) patch. Unknown fields are refused. */
    record Input(String code, String name, String description, String unit, BigDecimal unitPrice, String currency,
            Integer vatRate, Boolean active, List<String> aliases) {

        ProductDraft toDraft() {
            return new ProductDraft(code, name, description, unit, unitPrice, currency, vatRate, active, aliases);
        }

        static Input of(ProductDetails p) {
            return new Input(p.code(), p.name(), p.description(), p.unit(), p.unitPrice(), p.currency(), p.vatRate(),
                    p.active(), p.aliases());
        }
    }

    record Resource(UUID id, String code, String name, String description, String unit, BigDecimal unitPrice,
            String currency, int vatRate, boolean active, List<String> aliases, Instant createdAt, Instant updatedAt,
            long version) {

        static Resource of(ProductDetails p) {
            return new Resource(p.id(), p.code(), p.name(), p.description(), p.unit(), p.unitPrice(), p.currency(),
                    p.vatRate(), p.active(), p.aliases(), p.createdAt(), p.updatedAt(), p.version());
        }
    }

    record Page(List<ProductSummary> items, String nextCursor) {
    }
}

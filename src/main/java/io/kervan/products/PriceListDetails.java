package io.kervan.products;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored price list with its items (product code and name included for display). */
public record PriceListDetails(UUID id, String name, String currency, boolean active, LocalDate validFrom,
        LocalDate validTo, List<Item> items, Instant createdAt, Instant updatedAt, UUID createdBy, UUID updatedBy,
        long version) {

    public record Item(UUID productId, String productCode, String productName, String unit, List<PriceTier> tiers) {
    }

    public PriceListDraft toDraft() {
        return new PriceListDraft(name, currency, active, validFrom, validTo,
                items.stream().map(i -> new PriceListDraft.Item(i.productId(), i.tiers())).toList());
    }
}

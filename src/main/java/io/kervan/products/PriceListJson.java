package io.kervan.products;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The price list's JSON shapes on the REST API. */
final class PriceListJson {

    private PriceListJson() {
    }

    record Input(String name, String currency, Boolean active, LocalDate validFrom, LocalDate validTo,
            List<ItemInput> items) {

        PriceListDraft toDraft() {
            return new PriceListDraft(name, currency, active, validFrom, validTo, items == null ? List.of()
                    : items.stream().map(i -> i == null ? null : new PriceListDraft.Item(i.productId(), i.tiers()))
                            .toList());
        }

        static Input of(PriceListDetails l) {
            return new Input(l.name(), l.currency(), l.active(), l.validFrom(), l.validTo(),
                    l.items().stream().map(i -> new ItemInput(i.productId(), i.tiers())).toList());
        }
    }

    record ItemInput(UUID productId, List<PriceTier> tiers) {
    }

    record Resource(UUID id, String name, String currency, boolean active, LocalDate validFrom, LocalDate validTo,
            List<PriceListDetails.Item> items, Instant createdAt, Instant updatedAt, long version) {

        static Resource of(PriceListDetails l) {
            return new Resource(l.id(), l.name(), l.currency(), l.active(), l.validFrom(), l.validTo(), l.items(),
                    l.createdAt(), l.updatedAt(), l.version());
        }
    }

    record Page(List<PriceListSummary> items, String nextCursor) {
    }

    record Quote(UUID productId, UUID priceListId, BigDecimal quantity, BigDecimal unitPrice, String currency,
            BigDecimal minQuantity, BigDecimal total) {

        static Quote of(PriceQuote q) {
            return new Quote(q.productId(), q.priceListId(), q.quantity(), q.unitPrice(), q.currency(), q.minQuantity(),
                    q.total());
        }
    }
}

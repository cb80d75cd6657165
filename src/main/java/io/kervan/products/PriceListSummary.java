package io.kervan.products;

import java.time.LocalDate;
import java.util.UUID;

/** A price list row in lists. */
public record PriceListSummary(UUID id, String name, String currency, boolean active, LocalDate validFrom,
        LocalDate validTo, int itemCount) {
}

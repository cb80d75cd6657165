package io.kervan.products;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One unit of {@code currency} was worth {@code rateToTry} Turkish lira on {@code rateDate}. */
public record ExchangeRate(UUID id, String currency, LocalDate rateDate, BigDecimal rateToTry, Instant updatedAt,
        long version) {
}

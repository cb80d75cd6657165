package io.kervan.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Converts deal values to TRY for board totals. The only implementation for now knows TRY alone and
 * reports other currencies as not converted; the products module's dated exchange rates replace it.
 */
interface DealCurrencyConverter {

    /** The amount in TRY on the given day; empty when no rate is known. */
    Optional<BigDecimal> toTry(BigDecimal amount, String currency, LocalDate on);
}

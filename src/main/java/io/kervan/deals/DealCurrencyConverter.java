package io.kervan.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Converts deal values to TRY for board totals, at the rate of a given day; a currency without a
 * rate on or before that day is reported as not converted rather than counted at 1:1.
 */
interface DealCurrencyConverter {

    /** The amount in TRY on the given day; empty when no rate is known. */
    Optional<BigDecimal> toTry(BigDecimal amount, String currency, LocalDate on);
}

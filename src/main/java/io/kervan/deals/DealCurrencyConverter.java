package io.kervan.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Converts deal values to the board's reporting currency, at the rates of a given day; a currency without a
 * rate on or before that day is reported as not converted rather than counted at 1:1.
 */
interface DealCurrencyConverter {

    /** The amount in currency {@code to} at the rates of the given day; empty when no rate is known. */
    Optional<BigDecimal> convert(BigDecimal amount, String from, String to, LocalDate on);
}

package io.kervan.products;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Exchange rates of a few currencies over a span of days, read in one query, for converting many
 * amounts (board totals, reports) without a query per amount. Converts exactly like
 * {@link ExchangeRateService#convert}: {@code amount × rate(from) / rate(to)} with the latest rate on or
 * before the day, TRY as 1, 4 decimals rounded half-up.
 */
public final class RateTable {

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> ratesToTry;

    RateTable(Map<String, NavigableMap<LocalDate, BigDecimal>> ratesToTry) {
        this.ratesToTry = ratesToTry;
    }

    /** The amount in {@code to} at the rates of {@code date}; empty when a rate is not known on or before it. */
    public Optional<BigDecimal> convert(BigDecimal amount, String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(amount);
        }
        Optional<BigDecimal> source = rateToTry(from, date);
        Optional<BigDecimal> target = rateToTry(to, date);
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(source.get()).divide(target.get(), 4, RoundingMode.HALF_UP));
    }

    private Optional<BigDecimal> rateToTry(String currency, LocalDate date) {
        if (ExchangeRateService.BASE_CURRENCY.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> rates = ratesToTry.get(currency);
        Map.Entry<LocalDate, BigDecimal> inForce = rates == null ? null : rates.floorEntry(date);
        if (inForce == null) {
            // Only the span the table was read for is known; outside it, say "not converted" rather than guess.
            return Optional.empty();
        }
        return Optional.of(inForce.getValue());
    }
}

package io.kervan.deals;

import io.kervan.products.ExchangeRateService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Board totals through the admin-maintained dated exchange rates (to TRY, and across via TRY). */
@Component
class ExchangeRateCurrencyConverter implements DealCurrencyConverter {

    private final ExchangeRateService rates;

    ExchangeRateCurrencyConverter(ExchangeRateService rates) {
        this.rates = rates;
    }

    @Override
    public Optional<BigDecimal> convert(BigDecimal amount, String from, String to, LocalDate on) {
        if (from.equals(to)) {
            return Optional.of(amount);
        }
        return rates.convertIfRated(amount, from, to, on);
    }
}

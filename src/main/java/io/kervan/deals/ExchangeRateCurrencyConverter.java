package io.kervan.deals;

import io.kervan.products.ExchangeRateService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Board totals in TRY through the admin-maintained dated exchange rates of the products module. */
@Component
class ExchangeRateCurrencyConverter implements DealCurrencyConverter {

    private final ExchangeRateService rates;

    ExchangeRateCurrencyConverter(ExchangeRateService rates) {
        this.rates = rates;
    }

    @Override
    public Optional<BigDecimal> toTry(BigDecimal amount, String currency, LocalDate on) {
        if ("TRY".equals(currency)) {
            return Optional.of(amount);
        }
        return rates.convertIfRated(amount, currency, "TRY", on);
    }
}

package io.kervan.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Until exchange rates exist: TRY is TRY, every other currency is "not converted". */
@Component
class TryOnlyCurrencyConverter implements DealCurrencyConverter {

    @Override
    public Optional<BigDecimal> toTry(BigDecimal amount, String currency, LocalDate on) {
        return "TRY".equals(currency) ? Optional.of(amount) : Optional.empty();
    }
}

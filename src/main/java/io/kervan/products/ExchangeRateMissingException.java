package io.kervan.products;

import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.FieldProblem;
import java.time.LocalDate;
import java.util.List;

/** No rate of the currency exists on or before the date: a conversion is refused rather than guessed (HTTP 422). */
public class ExchangeRateMissingException extends BusinessRuleException {

    private final String currency;
    private final LocalDate date;

    public ExchangeRateMissingException(String currency, LocalDate date) {
        super("No exchange rate of " + currency + " on or before " + date,
                List.of(new FieldProblem("date", "validation.exchangeRate.missing")));
        this.currency = currency;
        this.date = date;
    }

    public String currency() {
        return currency;
    }

    public LocalDate date() {
        return date;
    }
}

package io.kervan.products;

import io.kervan.shared.InvalidInputException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange-rates}: list (newest first, {@code currency} filter), create and delete
 * (admins only), and {@code GET /conversion?amount=&from=&to=&date=} to check a conversion.
 */
@RestController
@RequestMapping("/api/v1/exchange-rates")
class ExchangeRateApiController {

    private final ExchangeRateService rates;

    ExchangeRateApiController(ExchangeRateService rates) {
        this.rates = rates;
    }

    record Input(String currency, LocalDate rateDate, BigDecimal rateToTry) {
    }

    record Page(List<ExchangeRate> items, String nextCursor) {
    }

    record Conversion(BigDecimal amount, String from, String to, LocalDate date, BigDecimal result) {
    }

    @GetMapping
    Page list(@RequestParam(required = false) String currency) {
        return new Page(rates.list(currency), null);
    }

    @GetMapping("/{id}")
    ExchangeRate get(@PathVariable UUID id) {
        return rates.get(id);
    }

    @PostMapping
    ResponseEntity<ExchangeRate> create(@RequestBody Input input) {
        ExchangeRate rate = rates.create(input.currency(), input.rateDate(), input.rateToTry());
        return ResponseEntity.created(URI.create("/api/v1/exchange-rates/" + rate.id())).body(rate);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        rates.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/conversion")
    Conversion convert(@RequestParam(required = false) String amount, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String date) {
        BigDecimal value = PriceListApiController.decimal("amount", amount);
        LocalDate day = date(date);
        BigDecimal result = rates.convert(value, from, to, day);
        return new Conversion(value, from == null ? null : from.strip().toUpperCase(java.util.Locale.ROOT),
                to == null ? null : to.strip().toUpperCase(java.util.Locale.ROOT), day, result);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "validation.products.date");
        }
    }
}

package io.kervan.products;

import io.kervan.shared.InputCheck;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Numbers;
import io.kervan.shared.StaleVersionException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin page of exchange rates: newest first, add on the same page, edit and delete per row. */
@Controller
@RequestMapping("/admin/exchange-rates")
class ExchangeRateController {

    private final ExchangeRateService rates;

    ExchangeRateController(ExchangeRateService rates) {
        this.rates = rates;
    }

    /** The rate form: text in, so a mistyped number or date is a field error. */
    public static class RateForm {
        private String currency;
        private String rateDate;
        private String rateToTry;
        private Long version;

        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        public String getRateDate() { return rateDate; }
        public void setRateDate(String rateDate) { this.rateDate = rateDate; }
        public String getRateToTry() { return rateToTry; }
        public void setRateToTry(String rateToTry) { this.rateToTry = rateToTry; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }

        static RateForm of(ExchangeRate rate) {
            RateForm form = new RateForm();
            form.currency = rate.currency();
            form.rateDate = rate.rateDate().toString();
            form.rateToTry = ProductService.plain(rate.rateToTry());
            form.version = rate.version();
            return form;
        }

        /** Parses date and rate; a parse failure is reported together with the service's other problems. */
        Parsed parse() {
            InputCheck check = new InputCheck();
            LocalDate date = null;
            if (rateDate != null && !rateDate.isBlank()) {
                try {
                    date = LocalDate.parse(rateDate.strip());
                } catch (DateTimeParseException e) {
                    check.problem("rateDate", "validation.products.date");
                }
            }
            BigDecimal rate = null;
            try {
                rate = Numbers.parseDecimal(rateToTry);
            } catch (NumberFormatException e) {
                check.problem("rateToTry", "validation.number");
            }
            check.throwIfInvalid();
            return new Parsed(date, rate);
        }
    }

    record Parsed(LocalDate date, BigDecimal rate) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String currency, Model model) {
        return page(model, currency, new RateForm());
    }

    @PostMapping
    String create(@ModelAttribute("form") RateForm form, Model model) {
        try {
            Parsed parsed = form.parse();
            rates.create(form.getCurrency(), parsed.date(), parsed.rate());
            return "redirect:/admin/exchange-rates";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return page(model, null, form);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        ExchangeRate rate = rates.get(id);
        model.addAttribute("form", RateForm.of(rate));
        model.addAttribute("rate", rate);
        return "products/exchange-rate-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") RateForm form, Model model) {
        ExchangeRate rate = rates.get(id);
        try {
            Parsed parsed = form.parse();
            rates.update(id, form.getCurrency(), parsed.date(), parsed.rate(),
                    form.getVersion() == null ? rate.version() : form.getVersion());
            return "redirect:/admin/exchange-rates";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        model.addAttribute("rate", rate);
        return "products/exchange-rate-form";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id) {
        rates.delete(id);
        return "redirect:/admin/exchange-rates";
    }

    private String page(Model model, String currency, RateForm form) {
        String filter = currency == null || !currency.strip().matches("[A-Za-z]{3}") ? null : currency.strip();
        model.addAttribute("rates", rates.list(filter));
        model.addAttribute("currency", filter);
        model.addAttribute("form", form);
        return "products/exchange-rates";
    }
}

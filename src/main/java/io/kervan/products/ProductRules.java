package io.kervan.products;

import io.kervan.shared.InputCheck;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.TurkishText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validates and normalises a product draft. */
final class ProductRules {

    /** KDV rates in force in Türkiye. */
    static final List<Integer> VAT_RATES = List.of(0, 1, 10, 20);
    static final int DEFAULT_VAT_RATE = 20;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    static final int MAX_ALIASES = 20;

    private ProductRules() {
    }

    /** The cleaned draft; throws {@link io.kervan.shared.InvalidInputException} listing every problem. */
    static ProductDraft normalize(ProductDraft draft) {
        InputCheck check = new InputCheck();
        String code = check.text("code", draft.code(), 50, true);
        String name = check.text("name", draft.name(), 200, true);
        String description = check.text("description", draft.description(), 10_000, false);
        String unit = check.text("unit", draft.unit(), 20, false);
        BigDecimal price = amount(check, "unitPrice", draft.unitPrice(), true);
        String currency = check.currency("currency", draft.currency(), "TRY");
        Integer vat = draft.vatRate() == null ? Integer.valueOf(DEFAULT_VAT_RATE) : draft.vatRate();
        if (!VAT_RATES.contains(vat)) {
            check.problem("vatRate", "validation.product.vatRate");
        }
        List<String> aliases = aliases(check, draft.aliases());
        check.throwIfInvalid();
        return new ProductDraft(code, name, description, unit, price, currency, vat,
                draft.active() == null || draft.active(), aliases);
    }

    /** A non-negative amount with at most four decimals (what {@code numeric(19,4)} stores exactly). */
    static BigDecimal amount(InputCheck check, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                check.problem(field, "validation.required");
            }
            return null;
        }
        if (value.signum() < 0) {
            check.problem(field, "validation.negative");
            return null;
        }
        if (value.compareTo(MAX_AMOUNT) >= 0 || value.stripTrailingZeros().scale() > 4) {
            check.problem(field, "validation.product.amount");
            return null;
        }
        return value;
    }

    private static List<String> aliases(InputCheck check, List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String alias = value.strip();
            if (alias.length() > 200 || InputCheck.hasControlCharacters(alias)) {
                check.problem("aliases", "validation.product.alias");
                return List.of();
            }
            aliases.add(alias);
        }
        if (aliases.size() > MAX_ALIASES) {
            check.problem("aliases", "validation.tooMany");
            return List.of();
        }
        return List.copyOf(aliases);
    }

    /** Folded code, name and aliases, each also without spaces, so "gtxpro" finds "GTX Pro". */
    static String searchText(ProductDraft product) {
        List<String> values = new ArrayList<>();
        values.add(product.code());
        values.add(product.name());
        values.addAll(product.aliases());
        List<String> joined = new ArrayList<>(values);
        for (String value : values) {
            if (value != null && value.contains(" ")) {
                joined.add(value.replace(" ", ""));
            }
        }
        return SearchQuery.searchText(joined);
    }

    static String sortName(ProductDraft product) {
        return TurkishText.sortKey(product.name());
    }
}

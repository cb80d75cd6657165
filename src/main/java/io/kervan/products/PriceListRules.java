package io.kervan.products;

import io.kervan.shared.InputCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Validates a price list draft. Tier rule (chosen and documented here): the lowest tier's
 * {@code minQuantity} is the minimum orderable quantity of that product on this list (it need not be 1,
 * but must be above 0); tier minimums are strictly increasing in the order given; prices are at least 0;
 * a product appears at most once per list.
 */
final class PriceListRules {

    static final int MAX_ITEMS = 2_000;
    static final int MAX_TIERS = 20;

    private PriceListRules() {
    }

    static PriceListDraft normalize(PriceListDraft draft) {
        InputCheck check = new InputCheck();
        String name = check.text("name", draft.name(), 200, true);
        String currency = check.currency("currency", draft.currency(), "TRY");
        if (outOfRange(draft.validFrom())) {
            check.problem("validFrom", "validation.products.date");
        }
        if (outOfRange(draft.validTo())) {
            check.problem("validTo", "validation.products.date");
        } else if (draft.validFrom() != null && draft.validTo() != null && draft.validTo().isBefore(draft.validFrom())) {
            check.problem("validTo", "validation.priceList.validTo");
        }
        List<PriceListDraft.Item> items = new ArrayList<>();
        List<PriceListDraft.Item> given = draft.items() == null ? List.of() : draft.items();
        if (given.size() > MAX_ITEMS) {
            check.problem("items", "validation.tooMany");
            given = List.of();
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            PriceListDraft.Item item = given.get(i);
            String prefix = "items[" + i + "]";
            if (item == null) {
                check.problem(prefix, "validation.required");
                continue;
            }
            if (item.productId() == null) {
                check.problem(prefix + ".productId", "validation.required");
            } else if (!seen.add(item.productId())) {
                check.problem(prefix + ".productId", "validation.priceList.duplicateProduct");
            }
            items.add(new PriceListDraft.Item(item.productId(), tiers(check, prefix, item.tiers())));
        }
        check.throwIfInvalid();
        return new PriceListDraft(name, currency, draft.active() == null || draft.active(), draft.validFrom(),
                draft.validTo(), List.copyOf(items));
    }

    static boolean outOfRange(java.time.LocalDate date) {
        return date != null && (date.getYear() < 1900 || date.getYear() > 9999);
    }

    private static List<PriceTier> tiers(InputCheck check, String prefix, List<PriceTier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            check.problem(prefix + ".tiers", "validation.priceList.noTiers");
            return List.of();
        }
        if (tiers.size() > MAX_TIERS) {
            check.problem(prefix + ".tiers", "validation.tooMany");
            return List.of();
        }
        List<PriceTier> cleaned = new ArrayList<>();
        BigDecimal previous = null;
        for (int j = 0; j < tiers.size(); j++) {
            PriceTier tier = tiers.get(j);
            String field = prefix + ".tiers[" + j + "]";
            if (tier == null) {
                check.problem(field, "validation.required");
                continue;
            }
            BigDecimal min = tier.minQuantity();
            if (min == null) {
                check.problem(field + ".minQuantity", "validation.required");
            } else if (min.signum() <= 0 || min.compareTo(ProductRules.MAX_AMOUNT) >= 0
                    || min.stripTrailingZeros().scale() > 4) {
                check.problem(field + ".minQuantity", "validation.priceList.minQuantity");
                min = null;
            } else if (previous != null && min.compareTo(previous) <= 0) {
                check.problem(field + ".minQuantity", "validation.priceList.tierOrder");
            }
            BigDecimal price = ProductRules.amount(check, field + ".price", tier.price(), true);
            if (min != null) {
                previous = min;
            }
            cleaned.add(new PriceTier(min, price));
        }
        return List.copyOf(cleaned);
    }
}

package io.kervan.products;

import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import io.kervan.shared.Numbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The price list form with repeatable item rows, each with repeatable tier rows. Rows removed in the
 * browser leave gaps in the posted indexes; {@link #compact()} closes them so that error keys
 * ({@code items[1].tiers[0].price}) match the rows shown again.
 */
public class PriceListForm {

    private String name;
    private String currency = "TRY";
    private boolean active = true;
    private String validFrom;
    private String validTo;
    private List<ItemForm> items = new ArrayList<>();
    private Long version;

    public static class ItemForm {
        private String productId;
        private List<TierForm> tiers = new ArrayList<>();

        public String getProductId() { return productId; }
        public void setProductId(String productId) { this.productId = productId; }
        public List<TierForm> getTiers() { return tiers; }
        public void setTiers(List<TierForm> tiers) { this.tiers = tiers; }
    }

    public static class TierForm {
        private String minQuantity;
        private String price;

        TierForm() {
        }

        TierForm(String minQuantity, String price) {
            this.minQuantity = minQuantity;
            this.price = price;
        }

        public String getMinQuantity() { return minQuantity; }
        public void setMinQuantity(String minQuantity) { this.minQuantity = minQuantity; }
        public String getPrice() { return price; }
        public void setPrice(String price) { this.price = price; }

        boolean blank() {
            return (minQuantity == null || minQuantity.isBlank()) && (price == null || price.isBlank());
        }
    }

    static PriceListForm of(PriceListDetails l) {
        PriceListForm form = new PriceListForm();
        form.name = l.name();
        form.currency = l.currency();
        form.active = l.active();
        form.validFrom = l.validFrom() == null ? null : l.validFrom().toString();
        form.validTo = l.validTo() == null ? null : l.validTo().toString();
        for (PriceListDetails.Item item : l.items()) {
            ItemForm row = new ItemForm();
            row.productId = item.productId().toString();
            for (PriceTier tier : item.tiers()) {
                row.tiers.add(new TierForm(ProductService.plain(tier.minQuantity()), ProductService.plain(tier.price())));
            }
            form.items.add(row);
        }
        form.version = l.version();
        return form;
    }

    /** A new form with one empty item starting at quantity 1. */
    static PriceListForm blank() {
        PriceListForm form = new PriceListForm();
        ItemForm item = new ItemForm();
        item.tiers.add(new TierForm("1", null));
        form.items.add(item);
        return form;
    }

    /** Drops rows the browser left out (gaps) or left empty. */
    void compact() {
        List<ItemForm> kept = new ArrayList<>();
        for (ItemForm item : items) {
            if (item == null) {
                continue;
            }
            List<TierForm> tiers = new ArrayList<>();
            for (TierForm tier : item.tiers) {
                if (tier != null && !tier.blank()) {
                    tiers.add(tier);
                }
            }
            item.tiers = tiers;
            if ((item.productId == null || item.productId.isBlank()) && tiers.isEmpty()) {
                continue;
            }
            kept.add(item);
        }
        items = kept;
    }

    PriceListDraft toDraft() {
        compact();
        InputCheck check = new InputCheck();
        LocalDate from = date(check, "validFrom", validFrom);
        LocalDate to = date(check, "validTo", validTo);
        List<PriceListDraft.Item> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemForm item = items.get(i);
            UUID productId = Ids.parseOrNull(item.productId);
            if (item.productId != null && !item.productId.isBlank() && productId == null) {
                check.problem("items[" + i + "].productId", "validation.priceList.unknownProduct");
            }
            List<PriceTier> tiers = new ArrayList<>();
            for (int j = 0; j < item.tiers.size(); j++) {
                TierForm tier = item.tiers.get(j);
                String field = "items[" + i + "].tiers[" + j + "]";
                tiers.add(new PriceTier(number(check, field + ".minQuantity", tier.minQuantity),
                        number(check, field + ".price", tier.price)));
            }
            drafts.add(new PriceListDraft.Item(productId, tiers));
        }
        PriceListDraft draft = new PriceListDraft(name, currency, active, from, to, drafts);
        check.throwIfInvalidAlongWith(() -> PriceListRules.normalize(draft));
        return draft;
    }

    private static BigDecimal number(InputCheck check, String field, String text) {
        try {
            return Numbers.parseDecimal(text);
        } catch (NumberFormatException e) {
            check.problem(field, "validation.number");
            return null;
        }
    }

    private static LocalDate date(InputCheck check, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            check.problem(field, "validation.products.date");
            return null;
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
    public String getValidTo() { return validTo; }
    public void setValidTo(String validTo) { this.validTo = validTo; }
    public List<ItemForm> getItems() { return items; }
    public void setItems(List<ItemForm> items) { this.items = items; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

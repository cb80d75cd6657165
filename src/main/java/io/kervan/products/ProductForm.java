package io.kervan.products;

import io.kervan.shared.InputCheck;
import io.kervan.shared.Numbers;
import java.math.BigDecimal;

/** The product form as posted by the browser: text in, so "abc" in a number field becomes a field error. */
public class ProductForm {

    private String code;
    private String name;
    private String description;
    private String unit;
    private String unitPrice;
    private String currency = "TRY";
    private String vatRate = "20";
    private boolean active = true;
    private String aliases;
    private Long version;

    static ProductForm of(ProductDetails p) {
        ProductForm form = new ProductForm();
        form.code = p.code();
        form.name = p.name();
        form.description = p.description();
        form.unit = p.unit();
        form.unitPrice = ProductService.plain(p.unitPrice());
        form.currency = p.currency();
        form.vatRate = Integer.toString(p.vatRate());
        form.active = p.active();
        form.aliases = String.join(", ", p.aliases());
        form.version = p.version();
        return form;
    }

    /** The draft this form describes; unparseable numbers are field errors, along with every other problem. */
    ProductDraft toDraft() {
        InputCheck check = new InputCheck();
        BigDecimal price = null;
        try {
            price = Numbers.parseDecimal(unitPrice);
        } catch (NumberFormatException e) {
            check.problem("unitPrice", "validation.number");
        }
        Integer vat = null;
        if (vatRate != null && !vatRate.isBlank()) {
            try {
                vat = Integer.valueOf(vatRate.strip());
            } catch (NumberFormatException e) {
                check.problem("vatRate", "validation.product.vatRate");
            }
        }
        ProductDraft draft = new ProductDraft(code, name, description, unit, price, currency,
                vat, active,
                InputCheck.splitTags(aliases));
        check.throwIfInvalidAlongWith(() -> ProductRules.normalize(draft));
        return draft;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getUnitPrice() { return unitPrice; }
    public void setUnitPrice(String unitPrice) { this.unitPrice = unitPrice; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getVatRate() { return vatRate; }
    public void setVatRate(String vatRate) { this.vatRate = vatRate; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getAliases() { return aliases; }
    public void setAliases(String aliases) { this.aliases = aliases; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

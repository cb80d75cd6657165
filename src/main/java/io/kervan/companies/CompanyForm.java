package io.kervan.companies;

import io.kervan.shared.InputCheck;
import io.kervan.shared.Numbers;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * The company form as posted by the browser: text in, so that "abc" in a number field becomes a
 * field error rather than a binding failure.
 */
public class CompanyForm {

    private String name;
    private String sector;
    private String sizeBand;
    private String annualRevenue;
    private String revenueCurrency = "TRY";
    private String website;
    private String email;
    private String phone;
    private String addressLine;
    private String city;
    private String country;
    private String taxNumber;
    private String tags;
    private String notes;
    private String ownerId;
    private boolean visibleToTeam = true;
    private Long version;

    static CompanyForm of(CompanyDetails c) {
        CompanyForm form = new CompanyForm();
        form.name = c.name();
        form.sector = c.sector();
        form.sizeBand = c.sizeBand() == null ? null : c.sizeBand().name();
        form.annualRevenue = c.annualRevenue() == null ? null : c.annualRevenue().stripTrailingZeros().toPlainString();
        form.revenueCurrency = c.revenueCurrency() == null ? "TRY" : c.revenueCurrency();
        form.website = c.website();
        form.email = c.email();
        form.phone = c.phone();
        form.addressLine = c.addressLine();
        form.city = c.city();
        form.country = c.country();
        form.taxNumber = c.taxNumber();
        form.tags = String.join(", ", c.tags());
        form.notes = c.notes();
        form.ownerId = c.ownerId().toString();
        form.visibleToTeam = c.visibleToTeam();
        form.version = c.version();
        return form;
    }

    /** The draft this form describes; unparseable numbers and choices are field errors. */
    CompanyDraft toDraft() {
        InputCheck check = new InputCheck();
        BigDecimal revenue = null;
        try {
            revenue = Numbers.parseDecimal(annualRevenue);
        } catch (NumberFormatException e) {
            check.problem("annualRevenue", "validation.number");
        }
        SizeBand band = null;
        if (sizeBand != null && !sizeBand.isBlank()) {
            try {
                band = SizeBand.valueOf(sizeBand.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check.problem("sizeBand", "validation.sizeBand");
            }
        }
        UUID owner = io.kervan.shared.Ids.parseOrNull(ownerId);
        if (ownerId != null && !ownerId.isBlank() && owner == null) {
            check.problem("ownerId", "validation.owner");
        }
        CompanyDraft draft = draft(revenue, band, owner);
        check.throwIfInvalidAlongWith(() -> CompanyRules.normalize(draft));
        return draft;
    }

    private CompanyDraft draft(BigDecimal revenue, SizeBand band, UUID owner) {
        return new CompanyDraft(name, sector, band, revenue, revenueCurrency, website, email, phone, addressLine, city,
                country, taxNumber, InputCheck.splitTags(tags), notes, owner, visibleToTeam);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSector() { return sector; }
    public void setSector(String sector) { this.sector = sector; }
    public String getSizeBand() { return sizeBand; }
    public void setSizeBand(String sizeBand) { this.sizeBand = sizeBand; }
    public String getAnnualRevenue() { return annualRevenue; }
    public void setAnnualRevenue(String annualRevenue) { this.annualRevenue = annualRevenue; }
    public String getRevenueCurrency() { return revenueCurrency; }
    public void setRevenueCurrency(String revenueCurrency) { this.revenueCurrency = revenueCurrency; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddressLine() { return addressLine; }
    public void setAddressLine(String addressLine) { this.addressLine = addressLine; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getTaxNumber() { return taxNumber; }
    public void setTaxNumber(String taxNumber) { this.taxNumber = taxNumber; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public boolean isVisibleToTeam() { return visibleToTeam; }
    public void setVisibleToTeam(boolean visibleToTeam) { this.visibleToTeam = visibleToTeam; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

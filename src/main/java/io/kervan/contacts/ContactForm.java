package io.kervan.contacts;

import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The contact form as posted by the browser, with indexed rows ({@code emails[0]},
 * {@code companies[1].companyId}). Rows keep the index they were posted with, so field errors land
 * on the right row; empty rows are ignored.
 */
public class ContactForm {

    private String firstName;
    private String lastName;
    private String title;
    private List<String> emails = new ArrayList<>();
    private List<String> phones = new ArrayList<>();
    private List<CompanyLinkForm> companies = new ArrayList<>();
    private String primaryCompanyIndex;
    private String addressLine;
    private String city;
    private String country;
    private String tags;
    private String notes;
    private String ownerId;
    private boolean visibleToTeam = true;
    private Long version;

    /** An empty form with one e-mail and one phone row, linked to {@code companyId} when given. */
    static ContactForm blank(UUID companyId) {
        ContactForm form = new ContactForm();
        form.emails.add("");
        form.phones.add("");
        if (companyId != null) {
            form.companies.add(new CompanyLinkForm(companyId.toString(), null));
            form.primaryCompanyIndex = "0";
        }
        return form;
    }

    static ContactForm of(ContactDetails c) {
        ContactForm form = new ContactForm();
        form.firstName = c.firstName();
        form.lastName = c.lastName();
        form.title = c.title();
        form.emails = new ArrayList<>(c.emails());
        form.phones = new ArrayList<>(c.phones());
        for (int i = 0; i < c.companies().size(); i++) {
            ContactDetails.LinkedCompany link = c.companies().get(i);
            form.companies.add(new CompanyLinkForm(link.companyId().toString(), link.role()));
            if (link.primary()) {
                form.primaryCompanyIndex = Integer.toString(i);
            }
        }
        form.addressLine = c.addressLine();
        form.city = c.city();
        form.country = c.country();
        form.tags = String.join(", ", c.tags());
        form.notes = c.notes();
        form.ownerId = c.ownerId().toString();
        form.visibleToTeam = c.visibleToTeam();
        form.version = c.version();
        return form;
    }

    /** The draft this form describes; a malformed owner or company id is a field error. */
    ContactDraft toDraft() {
        InputCheck check = new InputCheck();
        UUID owner = Ids.parseOrNull(ownerId);
        if (ownerId != null && !ownerId.isBlank() && owner == null) {
            check.problem("ownerId", "validation.owner");
        }
        List<ContactDraft.CompanyLink> links = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            CompanyLinkForm row = companies.get(i);
            if (row == null || row.isBlank()) {
                links.add(null);
                continue;
            }
            UUID companyId = Ids.parseOrNull(row.getCompanyId());
            if (row.getCompanyId() != null && !row.getCompanyId().isBlank() && companyId == null) {
                check.problem("companies[" + i + "].companyId", "validation.company.unknown");
            }
            links.add(new ContactDraft.CompanyLink(companyId, row.getRole(),
                    Integer.toString(i).equals(primaryCompanyIndex)));
        }
        ContactDraft draft = new ContactDraft(firstName, lastName, title, emails, phones, links, addressLine, city,
                country, InputCheck.splitTags(tags), notes, owner, visibleToTeam);
        check.throwIfInvalidAlongWith(() -> ContactRules.normalize(draft, id -> true));
        return draft;
    }

    /** Company ids chosen in the rows, for naming them in the company choice. */
    List<UUID> chosenCompanies() {
        return companies.stream().filter(row -> row != null && !row.isBlank())
                .map(row -> Ids.parseOrNull(row.getCompanyId())).filter(java.util.Objects::nonNull).toList();
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public List<String> getEmails() { return emails; }
    public void setEmails(List<String> emails) { this.emails = emails; }
    public List<String> getPhones() { return phones; }
    public void setPhones(List<String> phones) { this.phones = phones; }
    public List<CompanyLinkForm> getCompanies() { return companies; }
    public void setCompanies(List<CompanyLinkForm> companies) { this.companies = companies; }
    public String getPrimaryCompanyIndex() { return primaryCompanyIndex; }
    public void setPrimaryCompanyIndex(String primaryCompanyIndex) { this.primaryCompanyIndex = primaryCompanyIndex; }
    public String getAddressLine() { return addressLine; }
    public void setAddressLine(String addressLine) { this.addressLine = addressLine; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
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

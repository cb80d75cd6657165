package io.kervan.contacts;

import io.kervan.companies.CompanyFilter;
import io.kervan.companies.CompanyService;
import io.kervan.companies.CompanySummary;
import io.kervan.identity.OwnerChoices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the contact form needs besides the form: owners and the companies a contact may be linked to. */
@Component
class ContactFormPage {

    /** How many companies the company choice offers (by name); linked ones are always offered too. */
    static final int COMPANY_CHOICES = 200;
    /** The index placeholder in the row templates that kervan.js replaces when a row is added. */
    static final String NEW_ROW = "__INDEX__";

    private final CompanyService companies;
    private final CompanyLinks companyLinks;
    private final OwnerChoices owners;

    ContactFormPage(CompanyService companies, CompanyLinks companyLinks, OwnerChoices owners) {
        this.companies = companies;
        this.companyLinks = companyLinks;
        this.owners = owners;
    }

    boolean isVisibleCompany(UUID companyId) {
        return companyLinks.visibleNames(List.of(companyId)).containsKey(companyId);
    }

    /** Fills the model for {@code contacts/form}; {@code contact} is {@code null} on create. */
    String show(Model model, ContactForm form, ContactDetails contact) {
        model.addAttribute("form", form);
        model.addAttribute("contact", contact);
        model.addAttribute("owners", owners.assignable());
        model.addAttribute("companyChoices", companyChoices(form, contact));
        model.addAttribute("newRow", NEW_ROW);
        return "contacts/form";
    }

    /**
     * Company id → name: the first companies by name that the user may see, plus those already chosen in
     * the form (one the user may not see keeps its id with an empty name, shown as a hidden company).
     */
    private Map<String, String> companyChoices(ContactForm form, ContactDetails contact) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (CompanySummary company : companies.list(new CompanyFilter(null, null, false), "name", null,
                COMPANY_CHOICES).items()) {
            choices.put(company.id().toString(), company.name());
        }
        List<UUID> chosen = form.chosenCompanies().stream().filter(id -> !choices.containsKey(id.toString())).toList();
        Map<UUID, String> names = companyLinks.visibleNames(chosen);
        for (UUID id : chosen) {
            boolean linkedBefore = contact != null && contact.companies().stream()
                    .anyMatch(c -> c.companyId().equals(id));
            if (names.containsKey(id) || linkedBefore) {
                choices.put(id.toString(), names.getOrDefault(id, ""));
            }
        }
        return choices;
    }
}

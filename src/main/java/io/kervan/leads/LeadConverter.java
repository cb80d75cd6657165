package io.kervan.leads;

import io.kervan.companies.CompanyDetails;
import io.kervan.companies.CompanyDraft;
import io.kervan.companies.CompanyService;
import io.kervan.contacts.ContactDetails;
import io.kervan.contacts.ContactDraft;
import io.kervan.contacts.ContactService;
import io.kervan.deals.DealDetails;
import io.kervan.deals.DealDraft;
import io.kervan.deals.DealService;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.ConflictException;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.InputCheck;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.RecordNotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a conversion, run inside the caller's transaction: company (existing or new), contact,
 * and optionally a deal in the chosen pipeline's first open stage. Any exception rolls every step back.
 */
@Component
class LeadConverter {

    private final CompanyService companies;
    private final ContactService contacts;
    private final DealService deals;

    LeadConverter(CompanyService companies, ContactService contacts, DealService deals) {
        this.companies = companies;
        this.contacts = contacts;
        this.deals = deals;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    LeadConversion convert(LeadDetails lead, LeadConversion.Request request) {
        check(lead, request);
        UUID companyId = company(lead, request);
        ContactDetails contact = contact(lead, companyId);
        UUID dealId = request.pipelineId() == null ? null : deal(lead, request, companyId, contact).id();
        return new LeadConversion(contact.id(), companyId, dealId);
    }

    private static void check(LeadDetails lead, LeadConversion.Request request) {
        if (lead.converted()) {
            throw new ConflictException("This lead was converted already");
        }
        InputCheck input = new InputCheck();
        input.text("dealTitle", request.dealTitle(), 200, false);
        if (request.companyId() != null && Boolean.TRUE.equals(request.createCompany())) {
            input.problem("createCompany", "leads.conversion.companyOrNew");
        }
        input.throwIfInvalid();
        if (lead.archived()) {
            throw new BusinessRuleException("An archived lead cannot be converted; restore it first",
                    List.of(new FieldProblem("archived", "leads.conversion.archived")));
        }
        if (lead.status() != LeadStatus.QUALIFIED) {
            throw new BusinessRuleException("Only a qualified lead can be converted",
                    List.of(new FieldProblem("status", "leads.conversion.notQualified")));
        }
    }

    /** The deal the lead became: titled as asked, or after the company (else the person), sourced from the lead. */
    private DealDetails deal(LeadDetails lead, LeadConversion.Request request, UUID companyId, ContactDetails contact) {
        String title = request.dealTitle() != null && !request.dealTitle().isBlank() ? request.dealTitle()
                : lead.companyName() != null ? lead.companyName()
                : (contact.firstName() + " " + (contact.lastName() == null ? "" : contact.lastName())).strip();
        try {
            return deals.create(new DealDraft(title, request.pipelineId(), null, null, null, null, companyId,
                    List.of(contact.id()), lead.ownerId(), lead.visibleToTeam(), lead.source(), null));
        } catch (RecordNotFoundException e) {
            throw new InvalidInputException("pipelineId", "leads.conversion.pipelineUnknown");
        }
    }

    private UUID company(LeadDetails lead, LeadConversion.Request request) {
        if (request.companyId() != null) {
            if (!companies.visibleNames(List.of(request.companyId())).containsKey(request.companyId())) {
                throw new InvalidInputException("companyId", "validation.company.unknown");
            }
            return request.companyId();
        }
        boolean create = request.createCompany() == null ? lead.companyName() != null : request.createCompany();
        if (!create) {
            return null;
        }
        if (lead.companyName() == null) {
            throw new BusinessRuleException("The lead has no company name to make a company from",
                    List.of(new FieldProblem("companyName", "leads.conversion.noCompanyName")));
        }
        CompanyDetails company = companies.create(new CompanyDraft(lead.companyName(), null, null, null, null, null,
                null, null, null, null, null, null, List.of(), null, lead.ownerId(), lead.visibleToTeam()));
        return company.id();
    }

    private ContactDetails contact(LeadDetails lead, UUID companyId) {
        // A lead with only a last name still makes a contact; the contact's first name is required.
        String firstName = lead.firstName() != null ? lead.firstName() : lead.lastName();
        String lastName = lead.firstName() != null ? lead.lastName() : null;
        List<ContactDraft.CompanyLink> links = companyId == null ? List.of()
                : List.of(new ContactDraft.CompanyLink(companyId, null, true));
        ContactDraft draft = new ContactDraft(firstName, lastName, lead.title(),
                lead.email() == null ? List.of() : List.of(lead.email()),
                lead.phone() == null ? List.of() : List.of(lead.phone()), links, null, null, null, List.of(),
                lead.notes(), lead.ownerId(), lead.visibleToTeam());
        try {
            return contacts.create(draft);
        } catch (InvalidInputException e) {
            List<FieldProblem> problems = e.problems().stream()
                    .map(p -> p.field().equals("firstName") ? new FieldProblem("firstName", "leads.conversion.personName") : p)
                    .toList();
            throw new BusinessRuleException("The lead cannot become a valid contact", problems);
        }
    }
}

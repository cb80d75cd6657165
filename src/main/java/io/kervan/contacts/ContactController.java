package io.kervan.contacts;

import io.kervan.audit.AuditService;
import io.kervan.identity.OwnerChoices;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.util.List;
import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The contact pages: list with search-as-you-type, 360° detail, create/edit form, archive, and a company's contacts. */
@Controller
@RequestMapping("/contacts")
class ContactController {

    private final ContactService contacts;
    private final ContactFormPage formPage;
    private final OwnerChoices owners;
    private final AuditService audit;

    private final ListExports exports;
    private final ContactExports exportRows;

    ContactController(ContactService contacts, ContactFormPage formPage, OwnerChoices owners, AuditService audit,
            ListExports exports, ContactExports exportRows) {
        this.exports = exports;
        this.exportRows = exportRows;
        this.contacts = contacts;
        this.formPage = formPage;
        this.owners = owners;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean archived,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Slice<ContactSummary> page;
        try {
            page = contacts.list(new ContactFilter(q, null, null, archived), sort, cursor, null);
        } catch (InvalidInputException e) {
            page = contacts.list(new ContactFilter(q, null, null, archived), null, null, null);
            sort = null;
            cursor = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("ownerNames", owners.names(page.items().stream().map(ContactSummary::ownerId).toList()));
        model.addAttribute("q", q);
        model.addAttribute("sort", sort == null ? "name" : sort);
        model.addAttribute("archived", archived);
        model.addAttribute("cursor", cursor);
        return htmx != null ? "contacts/list :: results" : "contacts/list";
    }

    /** The export buttons: the list as currently searched, as a CSV, Excel or vCard file. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean archived,
            HttpServletResponse response) throws IOException {
        ContactApiController.export(exportRows, exports, ExportFormat.parse(format, ContactApiController.EXPORT_FORMATS),
                new ContactFilter(q, null, null, archived), sort, response);
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) String companyId, Model model) {
        UUID company = Ids.parseOrNull(companyId);
        boolean linkable = company != null && formPage.isVisibleCompany(company);
        return formPage.show(model, ContactForm.blank(linkable ? company : null), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") ContactForm form, Model model) {
        try {
            ContactDetails created = contacts.create(form.toDraft());
            return "redirect:/contacts/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return formPage.show(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ContactDetails contact = contacts.get(id);
        model.addAttribute("contact", contact);
        model.addAttribute("canEdit", contacts.canEdit(contact));
        model.addAttribute("ownerName", owners.names(List.of(contact.ownerId())).get(contact.ownerId()));
        model.addAttribute("history", audit.history(ContactService.RECORD_TYPE, id, 50));
        return "contacts/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        ContactDetails contact = contacts.get(id);
        if (!contacts.canEdit(contact)) {
            throw new NotAllowedException("You may see this contact but not change it");
        }
        return formPage.show(model, ContactForm.of(contact), contact);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") ContactForm form, Model model) {
        ContactDetails contact = contacts.get(id);
        try {
            long version = form.getVersion() == null ? contact.version() : form.getVersion();
            contacts.update(id, form.toDraft(), version);
            return "redirect:/contacts/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return formPage.show(model, form, contact);
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id) {
        contacts.archive(id, null);
        return "redirect:/contacts/" + id;
    }

    @PostMapping("/{id}/unarchive")
    String unarchive(@PathVariable UUID id) {
        contacts.unarchive(id, null);
        return "redirect:/contacts/" + id;
    }

    /** The contacts card of a company's page (loaded there by htmx); 404 when the company is not visible. */
    @GetMapping("/of-company/{companyId}")
    String ofCompany(@PathVariable UUID companyId, Model model) {
        model.addAttribute("companyContacts", contacts.ofCompany(companyId));
        model.addAttribute("companyId", companyId);
        model.addAttribute("canCreate", contacts.canCreate());
        return "contacts/of-company :: content";
    }
}

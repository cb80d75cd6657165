package io.kervan.companies;

import io.kervan.audit.AuditService;
import io.kervan.identity.OwnerChoices;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
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

/** The company pages: list with search-as-you-type, 360° detail, create/edit form, archive. */
@Controller
@RequestMapping("/companies")
class CompanyController {

    private final CompanyService companies;
    private final OwnerChoices owners;
    private final AuditService audit;
    private final ListExports exports;

    CompanyController(CompanyService companies, OwnerChoices owners, AuditService audit, ListExports exports) {
        this.companies = companies;
        this.owners = owners;
        this.audit = audit;
        this.exports = exports;
    }

    /** The "Export CSV" / "Export Excel" buttons: the list as currently searched, as a file. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean archived,
            HttpServletResponse response) throws IOException {
        CompanyApiController.export(companies, exports, ExportFormat.parse(format, ExportFormat.TABULAR),
                new CompanyFilter(q, null, archived), sort, response);
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean archived,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Slice<CompanySummary> page;
        try {
            page = companies.list(new CompanyFilter(q, null, archived), sort, cursor, null);
        } catch (InvalidInputException e) {
            page = companies.list(new CompanyFilter(q, null, archived), null, null, null);
            sort = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("ownerNames", owners.names(page.items().stream().map(CompanySummary::ownerId).toList()));
        model.addAttribute("q", q);
        model.addAttribute("sort", sort == null ? "name" : sort);
        model.addAttribute("archived", archived);
        model.addAttribute("cursor", cursor);
        return htmx != null ? "companies/list :: results" : "companies/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, new CompanyForm(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") CompanyForm form, Model model) {
        try {
            CompanyDetails created = companies.create(form.toDraft());
            return "redirect:/companies/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        CompanyDetails company = companies.get(id);
        model.addAttribute("company", company);
        model.addAttribute("canEdit", companies.canEdit(company));
        model.addAttribute("ownerName", owners.names(java.util.List.of(company.ownerId())).get(company.ownerId()));
        model.addAttribute("history", audit.history(CompanyService.RECORD_TYPE, id, 50));
        return "companies/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        CompanyDetails company = companies.get(id);
        if (!companies.canEdit(company)) {
            throw new io.kervan.shared.NotAllowedException("You may see this company but not change it");
        }
        return form(model, CompanyForm.of(company), company);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") CompanyForm form, Model model) {
        CompanyDetails company = companies.get(id);
        try {
            long version = form.getVersion() == null ? company.version() : form.getVersion();
            companies.update(id, form.toDraft(), version);
            return "redirect:/companies/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, form, company);
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id) {
        companies.archive(id, null);
        return "redirect:/companies/" + id;
    }

    @PostMapping("/{id}/unarchive")
    String unarchive(@PathVariable UUID id) {
        companies.unarchive(id, null);
        return "redirect:/companies/" + id;
    }

    private String form(Model model, CompanyForm form, CompanyDetails company) {
        model.addAttribute("form", form);
        model.addAttribute("company", company);
        model.addAttribute("sizeBands", SizeBand.values());
        model.addAttribute("owners", owners.assignable());
        return "companies/form";
    }
}

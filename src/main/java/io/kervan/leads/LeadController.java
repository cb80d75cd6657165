package io.kervan.leads;

import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.kervan.audit.AuditService;
import io.kervan.identity.OwnerChoices;
import io.kervan.shared.ConflictException;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.util.List;
import java.util.Locale;
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

/** The lead pages: list with search-as-you-type and filters, detail with status change, form, archive. */
@Controller
@RequestMapping("/leads")
class LeadController {

    private final LeadService leads;
    private final LeadSourceService sources;
    private final OwnerChoices owners;
    private final AuditService audit;

    private final ListExports exports;

    LeadController(LeadService leads, LeadSourceService sources, OwnerChoices owners, AuditService audit,
            ListExports exports) {
        this.exports = exports;
        this.leads = leads;
        this.sources = sources;
        this.owners = owners;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String source, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean archived,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        String cleanStatus = LeadStatus.parse(status).map(LeadStatus::key).orElse(null);
        UUID ownerId = io.kervan.shared.Ids.parseOrNull(owner);
        LeadFilter filter = new LeadFilter(q, cleanStatus, source, ownerId, archived);
        Slice<LeadSummary> page;
        try {
            page = leads.list(filter, sort, cursor, null);
        } catch (InvalidInputException e) {
            page = leads.list(filter, null, null, null);
            sort = null;
            cursor = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("ownerNames", owners.names(page.items().stream().map(LeadSummary::ownerId).toList()));
        model.addAttribute("sourceLabels", sources.labels(locale));
        model.addAttribute("sources", sources.list(true));
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("q", q);
        model.addAttribute("status", cleanStatus);
        model.addAttribute("source", source);
        model.addAttribute("owner", ownerId == null ? null : ownerId.toString());
        model.addAttribute("owners", owners.assignable());
        model.addAttribute("sort", sort == null ? "-createdAt" : sort);
        model.addAttribute("archived", archived);
        model.addAttribute("cursor", cursor);
        return htmx != null ? "leads/list :: results" : "leads/list";
    }

    /** The export buttons: the list as currently filtered, as a CSV or Excel file. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String source,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean archived, HttpServletResponse response) throws IOException {
        String cleanStatus = LeadStatus.parse(status).map(LeadStatus::key).orElse(null);
        LeadApiController.export(leads, exports, ExportFormat.parse(format, ExportFormat.TABULAR),
                new LeadFilter(q, cleanStatus, source, io.kervan.shared.Ids.parseOrNull(owner), archived), sort,
                response);
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, new LeadForm(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") LeadForm form, Model model) {
        try {
            LeadDetails created = leads.create(form.toDraft());
            return "redirect:/leads/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Locale locale, Model model) {
        return detailPage(leads.get(id), locale, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        LeadDetails lead = leads.get(id);
        if (!leads.canEdit(lead)) {
            throw new NotAllowedException("You may see this lead but not change it");
        }
        if (lead.converted()) {
            return "redirect:/leads/" + id;
        }
        return form(model, LeadForm.of(lead), lead);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") LeadForm form, Model model) {
        LeadDetails lead = leads.get(id);
        try {
            long version = form.getVersion() == null ? lead.version() : form.getVersion();
            leads.update(id, form.toDraft(), version);
            return "redirect:/leads/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        } catch (ConflictException e) {
            // A converted lead is history: back to its page, which says what it became.
            return "redirect:/leads/" + id;
        }
        return form(model, form, lead);
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String disqualifiedReason, @RequestParam(required = false) Long version,
            Locale locale, Model model) {
        try {
            leads.changeStatus(id, status, disqualifiedReason, version);
            return "redirect:/leads/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("statusErrors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        } catch (ConflictException e) {
            return "redirect:/leads/" + id;
        }
        model.addAttribute("requestedStatus", status);
        model.addAttribute("requestedReason", disqualifiedReason);
        return detailPage(leads.get(id), locale, model);
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id) {
        leads.archive(id, null);
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/unarchive")
    String unarchive(@PathVariable UUID id) {
        leads.unarchive(id, null);
        return "redirect:/leads/" + id;
    }

    private String detailPage(LeadDetails lead, Locale locale, Model model) {
        model.addAttribute("lead", lead);
        model.addAttribute("canEdit", leads.canEdit(lead));
        model.addAttribute("ownerName", owners.names(List.of(lead.ownerId())).get(lead.ownerId()));
        model.addAttribute("sourceLabel", lead.source() == null ? null : sources.labels(locale).get(lead.source()));
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("history", audit.history(LeadService.RECORD_TYPE, lead.id(), 50));
        return "leads/detail";
    }

    private String form(Model model, LeadForm form, LeadDetails lead) {
        model.addAttribute("form", form);
        model.addAttribute("lead", lead);
        model.addAttribute("statuses", LeadStatus.values());
        // An inactive source stays selectable on a lead that has it, and only there.
        List<LeadSource> offered = sources.list(true).stream()
                .filter(s -> s.active() || s.key().equals(form.getSource())).toList();
        model.addAttribute("sources", offered);
        model.addAttribute("owners", owners.assignable());
        return "leads/form";
    }
}

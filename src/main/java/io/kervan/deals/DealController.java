package io.kervan.deals;

import io.kervan.audit.AuditService;
import io.kervan.companies.CompanyFilter;
import io.kervan.companies.CompanyService;
import io.kervan.companies.CompanySummary;
import io.kervan.contacts.ContactFilter;
import io.kervan.contacts.ContactService;
import io.kervan.contacts.ContactSummary;
import io.kervan.identity.OwnerChoices;
import io.kervan.identity.TeamService;
import io.kervan.identity.UserService;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.Numbers;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The deal pages: list (and stale view), 360° detail, create/edit form, stage actions. The board is {@link DealBoardController}. */
@Controller
@RequestMapping("/deals")
class DealController {

    private static final int CHOICES_LIMIT = 200;

    private final DealService deals;
    private final DealFilterChoices filterChoices;
    private final PipelineService pipelines;
    private final CompanyService companies;
    private final ContactService contacts;
    private final OwnerChoices owners;
    private final UserService users;
    private final TeamService teams;
    private final AuditService audit;
    private final MessageSource messages;
    private final io.kervan.shared.export.ListExports exports;

    DealController(DealService deals, DealFilterChoices filterChoices, PipelineService pipelines, CompanyService companies,
            ContactService contacts, OwnerChoices owners, UserService users, TeamService teams, AuditService audit,
            MessageSource messages, io.kervan.shared.export.ListExports exports) {
        this.exports = exports;
        this.deals = deals;
        this.filterChoices = filterChoices;
        this.pipelines = pipelines;
        this.companies = companies;
        this.contacts = contacts;
        this.owners = owners;
        this.users = users;
        this.teams = teams;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping
    String list(@ModelAttribute("filter") DealPageFilter filter, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        UUID pipelineId = Ids.parseOrNull(filter.pipelineId());
        DealFilter dealFilter = filter.toFilter(users, pipelineId);
        Slice<DealSummary> page;
        try {
            page = deals.list(dealFilter, sort, cursor, null);
        } catch (InvalidInputException e) {
            page = deals.list(dealFilter, null, null, null);
            sort = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("ownerNames", owners.names(page.items().stream().map(DealSummary::ownerId).toList()));
        model.addAttribute("sort", sort == null ? "-updatedAt" : sort);
        model.addAttribute("cursor", cursor);
        model.addAttribute("stageNames", stageNames());
        filterChoices.addTo(model);
        model.addAttribute("now", deals.now());
        return htmx != null ? "deals/list :: results" : "deals/list";
    }

    /** The export buttons: the deal list as currently filtered, as a CSV or Excel file. */
    @GetMapping("/export")
    void export(@ModelAttribute("filter") DealPageFilter filter, @RequestParam(required = false) String format,
            @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        DealApiController.export(deals, exports,
                io.kervan.shared.export.ExportFormat.parse(format, io.kervan.shared.export.ExportFormat.TABULAR),
                filter.toFilter(users, Ids.parseOrNull(filter.pipelineId())), sort, response);
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) String pipelineId, Model model) {
        DealForm form = new DealForm();
        form.setPipelineId(pipelineId);
        return form(model, form, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") DealForm form, Model model) {
        try {
            DealDetails created = deals.create(form.toDraft());
            return "redirect:/deals/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (BusinessRuleException e) {
            gateErrors(model, e);
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        DealDetails deal = deals.get(id);
        detailModel(model, deal);
        return "deals/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, @RequestParam(required = false) String stageId, Model model) {
        DealDetails deal = deals.get(id);
        if (!deals.canEdit(deal)) {
            throw new NotAllowedException("You may see this deal but not change it");
        }
        DealForm form = DealForm.of(deal);
        if (stageId != null && Ids.parseOrNull(stageId) != null) {
            // Coming from a refused board move: the form opens with the target stage chosen.
            form.setStageId(stageId);
            model.addAttribute("targetStage", stageId);
        }
        return form(model, form, deal);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") DealForm form, Model model) {
        DealDetails deal = deals.get(id);
        try {
            long version = form.getVersion() == null ? deal.version() : form.getVersion();
            deals.update(id, form.toDraft(), version);
            return "redirect:/deals/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (BusinessRuleException e) {
            gateErrors(model, e);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, form, deal);
    }

    @PostMapping("/{id}/stage")
    String moveStage(@PathVariable UUID id, @RequestParam(required = false) String stageId, Model model) {
        return action(id, model, () -> deals.moveToStage(id, Ids.parseOrNull(stageId), null));
    }

    @PostMapping("/{id}/won")
    String won(@PathVariable UUID id, @RequestParam(required = false) String value, Model model) {
        return action(id, model, () -> deals.win(id, Numbers.parseDecimal(value), null));
    }

    @PostMapping("/{id}/lost")
    String lost(@PathVariable UUID id, @RequestParam(required = false) String reasonId,
            @RequestParam(required = false) String note, Model model) {
        return action(id, model, () -> deals.lose(id, Ids.parseOrNull(reasonId), note, null));
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id) {
        deals.archive(id, null);
        return "redirect:/deals/" + id;
    }

    @PostMapping("/{id}/unarchive")
    String unarchive(@PathVariable UUID id) {
        deals.unarchive(id, null);
        return "redirect:/deals/" + id;
    }

    private String action(UUID id, Model model, Runnable action) {
        try {
            action.run();
            return "redirect:/deals/" + id;
        } catch (BusinessRuleException | InvalidInputException | NumberFormatException e) {
            model.addAttribute("actionErrors", DealRefusals.problems(e));
            detailModel(model, deals.get(id));
            return "deals/detail";
        }
    }

    private void detailModel(Model model, DealDetails deal) {
        PipelineView pipeline = pipelines.get(deal.pipelineId());
        model.addAttribute("deal", deal);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("stage", pipeline.stage(deal.stageId()).orElse(null));
        model.addAttribute("canEdit", deals.canEdit(deal));
        model.addAttribute("ownerName", owners.names(List.of(deal.ownerId())).get(deal.ownerId()));
        model.addAttribute("companyName", deal.companyId() == null ? null
                : companies.visibleNames(List.of(deal.companyId())).get(deal.companyId()));
        // In the deal's order; a contact the reader may not see is left out.
        Map<UUID, String> visibleContacts = contacts.visibleNames(deal.contactIds());
        Map<UUID, String> contactNames = new LinkedHashMap<>();
        for (UUID contactId : deal.contactIds()) {
            if (visibleContacts.containsKey(contactId)) {
                contactNames.put(contactId, visibleContacts.get(contactId));
            }
        }
        model.addAttribute("contactNames", contactNames);
        model.addAttribute("lostReason", deal.lostReasonId() == null ? null
                : pipelines.lostReason(deal.lostReasonId()).orElse(null));
        model.addAttribute("lostReasons", pipelines.lostReasons(false));
        List<StageMove> history = deals.stageHistory(deal.id());
        model.addAttribute("stageHistory", history);
        model.addAttribute("movers", owners.names(history.stream().map(StageMove::movedBy)
                .filter(java.util.Objects::nonNull).toList()));
        model.addAttribute("history", audit.history(DealService.RECORD_TYPE, deal.id(), 50));
        model.addAttribute("now", deals.now());
        model.addAttribute("stale", deal.staleAt(deals.now()));
    }

    private String form(Model model, DealForm form, DealDetails deal) {
        List<PipelineView> active = pipelines.list(false);
        PipelineView pipeline = deal != null ? pipelines.get(deal.pipelineId())
                : active.stream().filter(p -> p.id().toString().equals(form.getPipelineId())).findFirst()
                        .orElse(active.isEmpty() ? null : active.get(0));
        model.addAttribute("form", form);
        model.addAttribute("deal", deal);
        model.addAttribute("pipelines", active);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("owners", owners.assignable());
        List<CompanySummary> companyChoices = new ArrayList<>(companies.list(
                new CompanyFilter(null, null, false), "name", null, CHOICES_LIMIT).items());
        model.addAttribute("companies", companyChoices);
        List<ContactSummary> contactChoices = contacts.list(new ContactFilter(null, null, null, false), null, null, CHOICES_LIMIT).items();
        model.addAttribute("contacts", contactChoices);
        model.addAttribute("currencies", List.of("TRY", "USD", "EUR", "GBP"));
        return "deals/form";
    }

    private void gateErrors(Model model, BusinessRuleException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        model.addAttribute("errors", errors);
        model.addAttribute("gateMissing", e.problems().stream()
                .map(p -> messages.getMessage("pipeline.stage.field." + p.field(), null,
                        messages.getMessage(p.message(), null, p.message(), LocaleContextHolder.getLocale()),
                        LocaleContextHolder.getLocale()))
                .toList());
    }

    private Map<UUID, String> stageNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        pipelines.list(true).forEach(p -> p.stages().forEach(s -> names.put(s.id(), s.label())));
        return names;
    }

}

package io.kervan.deals;

import io.kervan.audit.AuditService;
import io.kervan.companies.CompanyFilter;
import io.kervan.companies.CompanyService;
import io.kervan.companies.CompanySummary;
import io.kervan.contacts.ContactDetails;
import io.kervan.contacts.ContactFilter;
import io.kervan.contacts.ContactService;
import io.kervan.contacts.ContactSummary;
import io.kervan.identity.OwnerChoices;
import io.kervan.identity.TeamService;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.Numbers;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.math.BigDecimal;
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

/** The deal pages: kanban board, list (and stale view), 360° detail, create/edit form, stage actions. */
@Controller
@RequestMapping("/deals")
class DealController {

    private static final int CHOICES_LIMIT = 200;

    private final DealService deals;
    private final DealBoards boards;
    private final PipelineService pipelines;
    private final CompanyService companies;
    private final ContactService contacts;
    private final OwnerChoices owners;
    private final UserService users;
    private final TeamService teams;
    private final AuditService audit;
    private final MessageSource messages;
    private final io.kervan.shared.export.ListExports exports;

    DealController(DealService deals, DealBoards boards, PipelineService pipelines, CompanyService companies,
            ContactService contacts, OwnerChoices owners, UserService users, TeamService teams, AuditService audit,
            MessageSource messages, io.kervan.shared.export.ListExports exports) {
        this.exports = exports;
        this.deals = deals;
        this.boards = boards;
        this.pipelines = pipelines;
        this.companies = companies;
        this.contacts = contacts;
        this.owners = owners;
        this.users = users;
        this.teams = teams;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/board")
    String board(@ModelAttribute("filter") DealPageFilter filter, Model model) {
        PipelineView pipeline = boards.pipelineOrFirst(Ids.parseOrNull(filter.pipelineId()));
        DealBoard board = boards.board(pipeline, filter.toFilter(users, pipeline.id()), filter.reportingCurrency());
        boardModel(model, board, filter);
        model.addAttribute("lostReasons", pipelines.lostReasons(false));
        return "deals/board";
    }

    /**
     * A drop on the board. Success answers the re-rendered source and target columns; a refused move
     * answers 422 with the message (naming the missing fields) that the page shows next to the board.
     */
    @PostMapping("/board/move")
    String move(@RequestParam UUID dealId, @RequestParam String target, @RequestParam(required = false) String from,
            @RequestParam(required = false) String value, @RequestParam(required = false) String reasonId,
            @RequestParam(required = false) String note, @ModelAttribute("filter") DealPageFilter filter, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        DealDetails deal = deals.get(dealId);
        String targetLabel = target;
        try {
            if (target.equals("won")) {
                targetLabel = messages.getMessage("deal.status.won", null, LocaleContextHolder.getLocale());
                deals.win(dealId, Numbers.parseDecimal(value), null);
            } else if (target.equals("lost")) {
                targetLabel = messages.getMessage("deal.status.lost", null, LocaleContextHolder.getLocale());
                deals.lose(dealId, Ids.parseOrNull(reasonId), note, null);
            } else {
                UUID stageId = Ids.parseOrNull(target);
                PipelineView pipeline = pipelines.get(deal.pipelineId());
                targetLabel = pipeline.stage(stageId).map(StageView::label).orElse(target);
                deals.moveToStage(dealId, stageId, null);
            }
        } catch (BusinessRuleException | InvalidInputException | NumberFormatException | StaleVersionException
                | NotAllowedException e) {
            response.setStatus(e instanceof NotAllowedException ? 403 : 422);
            model.addAttribute("refusedDeal", deal);
            model.addAttribute("refusedTarget", target);
            model.addAttribute("refusedStage", targetLabel);
            model.addAttribute("missingLabels", problems(e).stream()
                    .filter(p -> p.message().equals("deals.rule.requiredByStage")
                            || p.message().equals("deals.rule.wonNeedsValue"))
                    .map(p -> messages.getMessage("pipeline.stage.field." + p.field(), null, p.field(),
                            LocaleContextHolder.getLocale()))
                    .distinct().toList());
            model.addAttribute("reason", reason(e));
            return "deals/board :: refusal";
        }
        PipelineView pipeline = pipelines.get(deal.pipelineId());
        DealBoard board = boards.board(pipeline, filter.toFilter(users, pipeline.id()), filter.reportingCurrency());
        boardModel(model, board, filter);
        List<String> keys = List.of(from == null ? "" : from, target);
        model.addAttribute("columns", board.columns().stream().filter(c -> keys.contains(c.key())).toList());
        return "deals/board :: columns";
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
        filterChoices(model);
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
            model.addAttribute("actionErrors", problems(e));
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
        Map<UUID, String> contactNames = new LinkedHashMap<>();
        for (UUID contactId : deal.contactIds()) {
            try {
                contactNames.put(contactId, contacts.get(contactId).displayName());
            } catch (RecordNotFoundException e) {
                // a contact the reader may not see is left out
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

    private void boardModel(Model model, DealBoard board, DealPageFilter filter) {
        model.addAttribute("board", board);
        model.addAttribute("columns", board.columns());
        model.addAttribute("filterQuery", filter.query());
        model.addAttribute("now", deals.now());
        model.addAttribute("ownerNames", owners.names(board.columns().stream()
                .flatMap(c -> c.cards().stream()).map(DealSummary::ownerId).distinct().toList()));
        model.addAttribute("cardsPerColumn", DealQueries.CARDS_PER_COLUMN);
        filterChoices(model);
    }

    private void filterChoices(Model model) {
        model.addAttribute("pipelines", pipelines.list(false));
        model.addAttribute("users", users.list().stream().filter(UserView::active).toList());
        model.addAttribute("teams", teams.list());
    }

    private Map<UUID, String> stageNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        pipelines.list(true).forEach(p -> p.stages().forEach(s -> names.put(s.id(), s.label())));
        return names;
    }

    private static List<FieldProblem> problems(RuntimeException e) {
        if (e instanceof BusinessRuleException rule) {
            return rule.problems();
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems();
        }
        if (e instanceof StaleVersionException) {
            return List.of(new FieldProblem("version", "common.staleVersion"));
        }
        if (e instanceof NotAllowedException) {
            return List.of(new FieldProblem("ownerId", "error.403.text"));
        }
        return List.of(new FieldProblem("value", "validation.number"));
    }

    private static String reason(RuntimeException e) {
        return problems(e).stream().findFirst().map(FieldProblem::message).orElse(null);
    }
}

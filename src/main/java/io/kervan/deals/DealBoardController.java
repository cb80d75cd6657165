package io.kervan.deals;

import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.Numbers;
import io.kervan.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The kanban board of a pipeline and the moves dropped on it. */
@Controller
@RequestMapping("/deals")
class DealBoardController {

    private final DealService deals;
    private final DealBoardPage page;
    private final PipelineService pipelines;
    private final MessageSource messages;

    DealBoardController(DealService deals, DealBoardPage page, PipelineService pipelines, MessageSource messages) {
        this.deals = deals;
        this.page = page;
        this.pipelines = pipelines;
        this.messages = messages;
    }

    @GetMapping("/board")
    String board(@ModelAttribute("filter") DealPageFilter filter, Model model, HttpServletRequest request) {
        page.addBoard(model, filter, request.getContextPath());
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
            HttpServletRequest request, HttpServletResponse response) {
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
            model.addAttribute("missingLabels", DealRefusals.problems(e).stream()
                    .filter(p -> p.message().equals("deals.rule.requiredByStage")
                            || p.message().equals("deals.rule.wonNeedsValue"))
                    .map(p -> messages.getMessage("pipeline.stage.field." + p.field(), null, p.field(),
                            LocaleContextHolder.getLocale()))
                    .distinct().toList());
            model.addAttribute("reason", DealRefusals.reason(e));
            return "deals/board :: refusal";
        }
        // Only the source and target columns are re-rendered.
        page.addColumns(model, deal.pipelineId(), List.of(from == null ? "" : from, target), filter,
                request.getContextPath());
        return "deals/board :: columns";
    }
}

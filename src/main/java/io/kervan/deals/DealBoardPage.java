package io.kervan.deals;

import io.kervan.identity.UserService;
import io.kervan.shared.Ids;
import io.kervan.shared.RecordNotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/**
 * What a board page shows — the pipeline's columns, their cards' HTML, the lost reasons the drop dialog offers and
 * the filters' choices — read in one read-only transaction. The services' own transactions join it, so a board
 * costs one {@code BEGIN}/{@code COMMIT} and one connection checkout where it took six, and the pipelines are read
 * once for the board and its pipeline filter (docs/benchmarks.md, eighteenth round).
 */
@Component
class DealBoardPage {

    private final DealService deals;
    private final DealBoards boards;
    private final PipelineService pipelines;
    private final DealBoardCards cards;
    private final UserService users;
    private final DealFilterChoices filterChoices;

    DealBoardPage(DealService deals, DealBoards boards, PipelineService pipelines, DealBoardCards cards,
            UserService users, DealFilterChoices filterChoices) {
        this.deals = deals;
        this.boards = boards;
        this.pipelines = pipelines;
        this.cards = cards;
        this.users = users;
        this.filterChoices = filterChoices;
    }

    /** The whole board of the filter's pipeline (the first active one when none is named). */
    @Transactional(readOnly = true)
    void addBoard(Model model, DealPageFilter filter, String contextPath) {
        List<PipelineView> active = pipelines.list(false);
        DealBoard board = board(pipelineOrFirst(Ids.parseOrNull(filter.pipelineId()), active), filter);
        addColumns(model, board, board.columns(), active, filter, contextPath);
        model.addAttribute("lostReasons", pipelines.lostReasons(false));
    }

    /** Only the columns {@code keys} of {@code pipelineId}'s board, re-rendered after a move. */
    @Transactional(readOnly = true)
    void addColumns(Model model, UUID pipelineId, List<String> keys, DealPageFilter filter, String contextPath) {
        List<PipelineView> active = pipelines.list(false);
        DealBoard board = board(pipelineOrFirst(pipelineId, active), filter);
        addColumns(model, board, board.columns().stream().filter(c -> keys.contains(c.key())).toList(), active,
                filter, contextPath);
    }

    private DealBoard board(PipelineView pipeline, DealPageFilter filter) {
        return boards.board(pipeline, filter.toFilter(users, pipeline.id()), filter.reportingCurrency());
    }

    /** The named pipeline, archived ones too, or the first active one. */
    private PipelineView pipelineOrFirst(UUID pipelineId, List<PipelineView> active) {
        if (pipelineId == null) {
            return active.stream().findFirst()
                    .orElseThrow(() -> new RecordNotFoundException(PipelineService.RECORD_TYPE, "first"));
        }
        return active.stream().filter(p -> p.id().equals(pipelineId)).findFirst()
                .orElseGet(() -> pipelines.get(pipelineId));
    }

    private void addColumns(Model model, DealBoard board, List<DealBoard.Column> columns,
            List<PipelineView> activePipelines, DealPageFilter filter, String contextPath) {
        model.addAttribute("board", board);
        model.addAttribute("columns", columns);
        model.addAttribute("filterQuery", filter.query());
        model.addAttribute("cardsHtml", cards.html(columns, deals.now(), LocaleContextHolder.getLocale(),
                contextPath + "/deals/"));
        model.addAttribute("cardsPerColumn", DealQueries.CARDS_PER_COLUMN);
        model.addAttribute("closedDays", DealBoards.CLOSED_DAYS);
        filterChoices.addTo(model, activePipelines);
    }
}

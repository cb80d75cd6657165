package io.kervan.deals;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.products.ExchangeRateService;
import io.kervan.products.RateTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a pipeline's kanban with column totals in a reporting currency, converted at dated exchange rates.
 * Open deals are shown in their stage; the won and lost columns show the deals closed in the last
 * {@value #CLOSED_DAYS} days (from the start of that day, UTC), since a board is for the work at hand (older closes
 * are in the list and the reports) and summing every close since the pipeline began made each board load slower
 * with age.
 */
@Component
class DealBoards {

    static final int CLOSED_DAYS = 30;

    private final DealQueries queries;
    private final DealService deals;
    private final ExchangeRateService rates;
    private final Visibility visibility;
    private final MessageSource messages;

    DealBoards(DealQueries queries, DealService deals, ExchangeRateService rates,
            Visibility visibility, MessageSource messages) {
        this.queries = queries;
        this.deals = deals;
        this.rates = rates;
        this.visibility = visibility;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    DealBoard board(PipelineView pipeline, DealFilter filter, String currency) {
        VisibilityScope scope = visibility.current();
        Instant now = deals.now();
        // From the start of a day (UTC), so that the queries' text, and with it their plans, change once a day.
        Instant closedSince = now.truncatedTo(ChronoUnit.DAYS).minus(CLOSED_DAYS, ChronoUnit.DAYS);
        DealFilter onBoard = filter.withPipeline(pipeline.id());
        List<DealSummary> cards = deals.withCompanyNames(queries.boardCards(scope, onBoard, now, closedSince));
        List<DealQueries.ColumnSum> sums = queries.boardSums(scope, onBoard, now, closedSince);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<String> currencies = new HashSet<>();
        sums.forEach(sum -> currencies.add(sum.currency()));
        currencies.add(currency);
        RateTable rateTable = rates.rateTable(currencies, LocalDate.ofInstant(closedSince, ZoneOffset.UTC), today);
        List<DealBoard.Column> columns = new ArrayList<>();
        for (StageView stage : pipeline.stages()) {
            String key = stage.id().toString();
            boolean hasDeals = sums.stream().anyMatch(s -> s.column().equals(key));
            if (!stage.retired() || hasDeals) {
                columns.add(column(key, stage.label(), stage, DealStatus.OPEN,
                        cards.stream().filter(c -> c.status().equals("open") && c.stageId().equals(stage.id())).toList(),
                        sums, currency, rateTable, today));
            }
        }
        for (DealStatus closed : List.of(DealStatus.WON, DealStatus.LOST)) {
            String label = messages.getMessage("deal.status." + closed.key(), null, closed.key(),
                    LocaleContextHolder.getLocale());
            columns.add(column(closed.key(), label, null, closed,
                    cards.stream().filter(c -> c.status().equals(closed.key())).toList(), sums, currency, rateTable,
                    today));
        }
        return new DealBoard(pipeline, currency, columns);
    }

    private DealBoard.Column column(String key, String label, StageView stage, DealStatus status,
            List<DealSummary> cards, List<DealQueries.ColumnSum> sums, String currency, RateTable rateTable,
            LocalDate today) {
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        Map<String, BigDecimal> notConverted = new TreeMap<>();
        for (DealQueries.ColumnSum s : sums) {
            if (!s.column().equals(key)) {
                continue;
            }
            count += s.count();
            LocalDate rateDate = s.rateDate() == null ? today : s.rateDate();
            var total = rateTable.convert(s.sum(), s.currency(), currency, rateDate);
            var weightedTotal = rateTable.convert(s.weighted(), s.currency(), currency, rateDate);
            if (total.isPresent() && weightedTotal.isPresent()) {
                sum = sum.add(total.get());
                weighted = weighted.add(weightedTotal.get());
            } else if (s.sum().signum() != 0) {
                notConverted.merge(s.currency(), s.sum(), BigDecimal::add);
            }
        }
        return new DealBoard.Column(key, label, stage, status, cards, count, sum, weighted, notConverted,
                requirements(stage));
    }

    /** The stage's gate in words, e.g. "Value, Expected close date"; {@code null} without a gate. */
    private String requirements(StageView stage) {
        if (stage == null) {
            return null;
        }
        java.util.Locale locale = LocaleContextHolder.getLocale();
        List<String> labels = new ArrayList<>();
        stage.requiredFieldKeys().forEach(k -> labels.add(messages.getMessage("pipeline.stage.field." + k, null, k, locale)));
        if (stage.requiresNextActivity()) {
            labels.add(messages.getMessage("deals.board.nextActivity", null, locale));
        }
        return labels.isEmpty() ? null : String.join(", ", labels);
    }
}

package io.kervan.deals;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the deltas that the deals trigger appends (V0071) into the stored board totals, so that a board reads a
 * handful of pending deltas besides the totals. Boards are exact whether or not this has run; it only keeps
 * the delta table small. See docs/adr/0009-stored-board-totals.md.
 */
@Component
class BoardTotalsCompaction {

    // One statement, one snapshot: it deletes exactly the deltas it adds to the totals. Deltas committed meanwhile
    // are not visible to it, so they are neither deleted nor added and wait for the next run. Keys are upserted
    // in key order so that two overlapping runs (a job rerun on another node) lock rows in the same order.
    private static final String FOLD = """
            with folded as (
                delete from deal_board_total_deltas
                returning pipeline_id, stage_id, currency, owner_id, visible_to_team, deals, total)
            insert into deal_board_totals as t (pipeline_id, stage_id, currency, owner_id, visible_to_team, deals,
                                                total)
            select pipeline_id, stage_id, currency, owner_id, visible_to_team, sum(deals), sum(total)
              from folded
             group by pipeline_id, stage_id, currency, owner_id, visible_to_team
             order by pipeline_id, stage_id, currency, owner_id, visible_to_team
            on conflict (pipeline_id, stage_id, currency, owner_id, visible_to_team)
            do update set deals = t.deals + excluded.deals, total = t.total + excluded.total""";

    private final JdbcClient jdbc;

    BoardTotalsCompaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many keys the folded deltas touched */
    @Transactional
    int compact() {
        int keys = jdbc.sql(FOLD).update();
        if (keys > 0) {
            // Keys whose deals have all left (moved on, won, archived) would only grow the table.
            jdbc.sql("delete from deal_board_totals where deals = 0 and total = 0").update();
        }
        return keys;
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        @Bean
        RecurringTask<Void> boardTotalsCompactionTask(BoardTotalsCompaction compaction,
                @Value("${kervan.deals.board-totals-compaction-interval:10s}") Duration interval) {
            return Tasks.recurring("deal-board-totals-compaction", Schedules.fixedDelay(interval))
                    .execute((instance, context) -> compaction.compact());
        }
    }
}

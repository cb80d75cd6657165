package io.kervan.deals;

import io.kervan.shared.Ids;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Storage of many new deals at once, for bulk imports: each table gets one JDBC batch (sent as multi-row
 * inserts) instead of a dozen statements per deal. A deal is written as it ends up — open, or already won or
 * lost with its stage history's two moves — with the same columns and derived values
 * ({@link DealRules#searchText}, {@link DealRules#sortTitle}) as {@link DealRepository}.
 */
@Repository
class DealBatchRepository {

    private static final int JDBC_BATCH = 1000;

    private final JdbcTemplate template;

    DealBatchRepository(JdbcTemplate template) {
        this.template = template;
    }

    /**
     * A new deal as it will be stored.
     *
     * @param opening its entry into its first stage (opened at, by whom)
     * @param closing its win or loss, {@code null} for an open deal
     */
    record NewDeal(UUID id, DealDraft deal, UUID ownerId, DealStatus status, UUID lostReasonId, Deal.Move opening,
            Deal.Move closing, Instant staleAt) {

        Instant stageEnteredAt() {
            return closing == null ? opening.at() : closing.at();
        }
    }

    void insertAll(List<NewDeal> deals, UUID actor, Instant now) {
        if (deals.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into deals (id, title, pipeline_id, stage_id, status, value, currency, expected_close_date,
                    company_id, source, next_step_at, lost_reason_id, closed_at, stage_entered_at, stale_at, owner_id,
                    visible_to_team, search_text, sort_title, created_at, updated_at, created_by, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                deals, JDBC_BATCH, (ps, n) -> {
                    DealDraft d = n.deal();
                    ps.setObject(1, n.id());
                    ps.setString(2, d.title());
                    ps.setObject(3, d.pipelineId());
                    ps.setObject(4, d.stageId());
                    ps.setString(5, n.status().key());
                    ps.setBigDecimal(6, d.value());
                    ps.setString(7, d.currency());
                    ps.setDate(8, d.expectedCloseDate() == null ? null : Date.valueOf(d.expectedCloseDate()));
                    ps.setObject(9, d.companyId());
                    ps.setString(10, d.source());
                    ps.setTimestamp(11, timestamp(d.nextStepAt()));
                    ps.setObject(12, n.lostReasonId());
                    ps.setTimestamp(13, n.closing() == null ? null : timestamp(n.closing().at()));
                    ps.setTimestamp(14, timestamp(n.stageEnteredAt()));
                    ps.setTimestamp(15, timestamp(n.staleAt()));
                    ps.setObject(16, n.ownerId());
                    ps.setBoolean(17, d.visibleToTeam());
                    ps.setString(18, DealRules.searchText(d));
                    ps.setString(19, DealRules.sortTitle(d));
                    ps.setTimestamp(20, timestamp(n.opening().at()));
                    ps.setTimestamp(21, timestamp(now));
                    ps.setObject(22, actor);
                    ps.setObject(23, actor);
                });
        insertHistory(deals, actor);
        insertContacts(deals);
    }

    private void insertHistory(List<NewDeal> deals, UUID actor) {
        List<Object[]> moves = new ArrayList<>();
        for (NewDeal n : deals) {
            moves.add(move(n.id(), n.opening(), actor));
            if (n.closing() != null) {
                moves.add(move(n.id(), n.closing(), actor));
            }
        }
        template.batchUpdate("""
                insert into deal_stage_history (id, deal_id, from_stage_id, from_status, to_stage_id, to_status,
                    moved_at, moved_by, seconds_in_previous)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", moves);
    }

    private static Object[] move(UUID dealId, Deal.Move move, UUID actor) {
        return new Object[] {Ids.newId(), dealId, move.fromStageId(),
            move.fromStatus() == null ? null : move.fromStatus().key(), move.toStageId(), move.toStatus().key(),
            timestamp(move.at()), actor, move.fromStageId() == null ? null : move.secondsInPrevious()};
    }

    private void insertContacts(List<NewDeal> deals) {
        List<Object[]> links = new ArrayList<>();
        for (NewDeal n : deals) {
            List<UUID> contacts = n.deal().contactIds();
            for (int i = 0; i < contacts.size(); i++) {
                links.add(new Object[] {n.id(), contacts.get(i), i});
            }
        }
        if (!links.isEmpty()) {
            template.batchUpdate("insert into deal_contacts (deal_id, contact_id, position) values (?, ?, ?)", links);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

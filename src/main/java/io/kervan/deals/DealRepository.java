package io.kervan.deals;

import io.kervan.shared.Rows;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the deal aggregate (with its contacts and stage history), optimistic locking on {@code version}. */
@Repository
class DealRepository {

    /**
     * When a deal turns stale: its stage's rotting days after the later of entering the stage and the
     * last activity, so that a deal nobody moved nor worked on for that long is stale, and logging a
     * call on it makes it fresh again.
     */
    private static final String STALE_AT = """
            greatest(%1$s, coalesce(%2$s, %1$s)) + make_interval(days => (select s.rotting_days from pipeline_stages s
                                                                        where s.id = %3$s))""";

    private final JdbcClient jdbc;

    DealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The deal with its contacts, in one round trip. */
    Optional<DealDetails> findById(UUID id) {
        return jdbc.sql("""
                select d.*, array(select c.contact_id from deal_contacts c where c.deal_id = d.id
                                  order by c.position) as contact_ids
                  from deals d where d.id = :id""").param("id", id)
                .query((rs, n) -> map(rs, Rows.uuids(rs, "contact_ids"))).optional();
    }

    void insert(UUID id, DealDraft d, UUID stageId, UUID ownerId, UUID actor, Instant now) {
        jdbc.sql("""
                insert into deals (id, title, pipeline_id, stage_id, status, value, currency, expected_close_date,
                    company_id, source, next_step_at, stage_entered_at, stale_at, owner_id, visible_to_team,
                    search_text, sort_title, created_at, updated_at, created_by, updated_by, version)
                values (:id, :title, :pipelineId, :stageId, 'open', :value, :currency, :closeDate, :companyId, :source,
                    :nextStepAt, :now, %s, :ownerId, :visibleToTeam, :searchText, :sortTitle, :now, :now, :actor,
                    :actor, 0)""".formatted(STALE_AT.formatted("cast(:now as timestamptz)", "null", ":stageId")))
                .params(fields(d)).param("id", id).param("pipelineId", d.pipelineId()).param("stageId", stageId)
                .param("ownerId", ownerId).param("actor", actor).param("now", Timestamp.from(now)).update();
        replaceContacts(id, d.contactIds());
    }

    /** Writes the fields a user edits (not stage or status) if {@code expectedVersion} is still current. */
    boolean update(UUID id, DealDraft d, UUID ownerId, UUID actor, long expectedVersion, Instant now) {
        boolean updated = jdbc.sql("""
                update deals set title = :title, value = :value, currency = :currency,
                    expected_close_date = :closeDate, company_id = :companyId, source = :source,
                    next_step_at = :nextStepAt, owner_id = :ownerId, visible_to_team = :visibleToTeam,
                    search_text = :searchText, sort_title = :sortTitle, updated_at = :now, updated_by = :actor,
                    version = version + 1
                 where id = :id and version = :version""")
                .params(fields(d)).param("id", id).param("ownerId", ownerId).param("actor", actor)
                .param("version", expectedVersion).param("now", Timestamp.from(now)).update() == 1;
        if (updated) {
            replaceContacts(id, d.contactIds());
        }
        return updated;
    }

    /** Applies a stage move, win, loss or reopening and records it in the stage history. */
    boolean move(UUID id, Deal.Move move, BigDecimal value, UUID lostReasonId, String lostNote, UUID actor,
            long expectedVersion) {
        boolean closing = move.toStatus() != DealStatus.OPEN;
        // Winning, losing and reopening count as entering a new column: "days in stage" restarts.
        boolean stageChanged = !move.toStageId().equals(move.fromStageId()) || move.fromStatus() != move.toStatus();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("stageId", move.toStageId());
        params.put("status", move.toStatus().key());
        params.put("value", value);
        params.put("reasonId", move.toStatus() == DealStatus.LOST ? lostReasonId : null);
        params.put("note", move.toStatus() == DealStatus.LOST ? lostNote : null);
        params.put("closedAt", closing ? Timestamp.from(move.at()) : null);
        params.put("at", Timestamp.from(move.at()));
        params.put("enterStage", stageChanged);
        params.put("actor", actor);
        params.put("version", expectedVersion);
        boolean moved = jdbc.sql("""
                update deals set stage_id = :stageId, status = :status, value = coalesce(:value, value),
                    lost_reason_id = :reasonId, lost_note = :note, closed_at = :closedAt,
                    stage_entered_at = case when :enterStage then cast(:at as timestamptz) else stage_entered_at end,
                    stale_at = %s,
                    updated_at = :at, updated_by = :actor, version = version + 1
                 where id = :id and version = :version""".formatted(STALE_AT.formatted(
                        "case when :enterStage then cast(:at as timestamptz) else stage_entered_at end",
                        "last_activity_at", ":stageId")))
                .params(params).update() == 1;
        if (moved) {
            recordHistory(id, move, actor);
        }
        return moved;
    }

    void recordHistory(UUID dealId, Deal.Move move, UUID actor) {
        jdbc.sql("""
                insert into deal_stage_history (id, deal_id, from_stage_id, from_status, to_stage_id, to_status,
                    moved_at, moved_by, seconds_in_previous)
                values (:id, :dealId, :fromStage, :fromStatus, :toStage, :toStatus, :at, :actor, :seconds)""")
                .param("id", io.kervan.shared.Ids.newId()).param("dealId", dealId)
                .param("fromStage", move.fromStageId())
                .param("fromStatus", move.fromStatus() == null ? null : move.fromStatus().key())
                .param("toStage", move.toStageId()).param("toStatus", move.toStatus().key())
                .param("at", Timestamp.from(move.at())).param("actor", actor)
                .param("seconds", move.fromStageId() == null ? null : move.secondsInPrevious()).update();
    }

    List<StageMove> history(UUID dealId) {
        return jdbc.sql("""
                select h.*, fs.name as from_name, fs.name_tr as from_name_tr, ts.name as to_name,
                       ts.name_tr as to_name_tr
                  from deal_stage_history h
                  left join pipeline_stages fs on fs.id = h.from_stage_id
                  join pipeline_stages ts on ts.id = h.to_stage_id
                 where h.deal_id = :id order by h.moved_at, h.id""")
                .param("id", dealId).query((rs, n) -> new StageMove(rs.getObject("id", UUID.class),
                        rs.getObject("from_stage_id", UUID.class), rs.getString("from_name"),
                        rs.getString("from_name_tr"), status(rs.getString("from_status")),
                        rs.getObject("to_stage_id", UUID.class), rs.getString("to_name"), rs.getString("to_name_tr"),
                        status(rs.getString("to_status")), Rows.instant(rs, "moved_at"),
                        rs.getObject("moved_by", UUID.class),
                        rs.getObject("seconds_in_previous") == null ? null : rs.getLong("seconds_in_previous")))
                .list();
    }

    boolean setArchived(UUID id, boolean archived, UUID actor, long expectedVersion, Instant now) {
        return jdbc.sql("""
                update deals set archived_at = case when :archived then cast(:now as timestamptz) end,
                    updated_at = :now, updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .param("id", id).param("archived", archived).param("actor", actor).param("version", expectedVersion)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Records an activity on the deals (for the activities module): they are no longer idle. */
    void touchActivity(java.util.Collection<UUID> ids, Instant at) {
        ids.forEach(id -> touchActivity(id, at));
    }

    /** Records an activity on the deal (for the activities module): it is no longer idle. */
    void touchActivity(UUID id, Instant at) {
        jdbc.sql("""
                update deals set last_activity_at = greatest(coalesce(last_activity_at, :at), :at),
                    stale_at = %s
                 where id = :id""".formatted(STALE_AT.formatted("stage_entered_at",
                        "greatest(coalesce(last_activity_at, cast(:at as timestamptz)), cast(:at as timestamptz))",
                        "stage_id")))
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    private void replaceContacts(UUID dealId, List<UUID> contactIds) {
        jdbc.sql("delete from deal_contacts where deal_id = :id").param("id", dealId).update();
        for (int i = 0; i < contactIds.size(); i++) {
            jdbc.sql("insert into deal_contacts (deal_id, contact_id, position) values (:deal, :contact, :position)")
                    .param("deal", dealId).param("contact", contactIds.get(i)).param("position", i).update();
        }
    }

    private static Map<String, Object> fields(DealDraft d) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", d.title());
        fields.put("value", d.value());
        fields.put("currency", d.currency());
        fields.put("closeDate", d.expectedCloseDate() == null ? null : Date.valueOf(d.expectedCloseDate()));
        fields.put("companyId", d.companyId());
        fields.put("source", d.source());
        fields.put("nextStepAt", d.nextStepAt() == null ? null : Timestamp.from(d.nextStepAt()));
        fields.put("visibleToTeam", d.visibleToTeam());
        fields.put("searchText", DealRules.searchText(d));
        fields.put("sortTitle", DealRules.sortTitle(d));
        return fields;
    }

    private static DealDetails map(ResultSet rs, List<UUID> contacts) throws SQLException {
        Date close = rs.getDate("expected_close_date");
        return new DealDetails(rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getObject("pipeline_id", UUID.class), rs.getObject("stage_id", UUID.class),
                DealStatus.ofKey(rs.getString("status")), rs.getObject("value", BigDecimal.class),
                rs.getString("currency"), close == null ? null : close.toLocalDate(),
                rs.getObject("company_id", UUID.class), List.copyOf(contacts), rs.getObject("owner_id", UUID.class),
                rs.getBoolean("visible_to_team"), rs.getString("source"), rs.getObject("lost_reason_id", UUID.class),
                rs.getString("lost_note"), Rows.instant(rs, "next_step_at"), Rows.instant(rs, "last_activity_at"),
                Rows.instant(rs, "stage_entered_at"), Rows.instant(rs, "closed_at"), Rows.instant(rs, "stale_at"),
                Rows.instant(rs, "archived_at"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                rs.getObject("created_by", UUID.class), rs.getObject("updated_by", UUID.class), rs.getLong("version"));
    }

    private static DealStatus status(String key) {
        return key == null ? null : DealStatus.ofKey(key);
    }
}

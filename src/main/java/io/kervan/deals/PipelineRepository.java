package io.kervan.deals;

import io.kervan.shared.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of pipelines, their stages and the lost reasons. */
@Repository
class PipelineRepository {

    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PipelineView> findAll(boolean includeArchived) {
        Map<UUID, List<StageView>> stages = new LinkedHashMap<>();
        jdbc.sql("select * from pipeline_stages order by pipeline_id, position, created_at")
                .query(PipelineRepository::stage).list()
                .forEach(s -> stages.computeIfAbsent(s.pipelineId(), k -> new ArrayList<>()).add(s));
        return jdbc.sql("select * from pipelines where (:all or archived_at is null) order by position, created_at, id")
                .param("all", includeArchived)
                .query((rs, n) -> pipeline(rs, stages.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    Optional<PipelineView> findById(UUID id) {
        List<StageView> stages = jdbc.sql("select * from pipeline_stages where pipeline_id = :id order by position, created_at")
                .param("id", id).query(PipelineRepository::stage).list();
        return jdbc.sql("select * from pipelines where id = :id").param("id", id)
                .query((rs, n) -> pipeline(rs, stages)).optional();
    }

    Optional<StageView> findStage(UUID stageId) {
        return jdbc.sql("select * from pipeline_stages where id = :id").param("id", stageId)
                .query(PipelineRepository::stage).optional();
    }

    void insertPipeline(UUID id, String name, String nameTr, UUID actor) {
        jdbc.sql("""
                insert into pipelines (id, name, name_tr, position, created_at, updated_at, created_by, updated_by)
                values (:id, :name, :nameTr, (select coalesce(max(position), -1) + 1 from pipelines), now(), now(),
                        :actor, :actor)""")
                .param("id", id).param("name", name).param("nameTr", nameTr).param("actor", actor).update();
    }

    boolean updatePipeline(UUID id, String name, String nameTr, UUID actor, long expectedVersion) {
        return jdbc.sql("""
                update pipelines set name = :name, name_tr = :nameTr, updated_at = now(), updated_by = :actor,
                       version = version + 1
                 where id = :id and version = :version""")
                .param("id", id).param("name", name).param("nameTr", nameTr).param("actor", actor)
                .param("version", expectedVersion).update() == 1;
    }

    void insertStage(UUID id, UUID pipelineId, PipelineRules.Stage s, int position, UUID actor) {
        jdbc.sql("""
                insert into pipeline_stages (id, pipeline_id, name, name_tr, position, probability, rotting_days,
                    required_fields, requires_next_activity, retired_at, created_at, updated_at, created_by, updated_by)
                values (:id, :pipelineId, :name, :nameTr, :position, :probability, :rotting, :fields, :nextActivity,
                    case when :retired then now() end, now(), now(), :actor, :actor)""")
                .params(stageFields(s)).param("id", id).param("pipelineId", pipelineId).param("position", position)
                .param("actor", actor).update();
    }

    void updateStage(UUID id, PipelineRules.Stage s, int position, UUID actor) {
        jdbc.sql("""
                update pipeline_stages set name = :name, name_tr = :nameTr, position = :position,
                       probability = :probability, rotting_days = :rotting, required_fields = :fields,
                       requires_next_activity = :nextActivity,
                       retired_at = case when :retired then coalesce(retired_at, now()) end,
                       updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id""")
                .params(stageFields(s)).param("id", id).param("position", position).param("actor", actor).update();
    }

    void retireStage(UUID id, int position, UUID actor) {
        jdbc.sql("""
                update pipeline_stages set retired_at = coalesce(retired_at, now()), position = :position,
                       updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id""").param("id", id).param("position", position).param("actor", actor).update();
    }

    boolean setArchived(UUID id, boolean archived, UUID actor) {
        return jdbc.sql("""
                update pipelines set archived_at = case when :archived then coalesce(archived_at, now()) end,
                       updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id""").param("id", id).param("archived", archived).param("actor", actor).update() == 1;
    }

    /** Recomputes when the pipeline's deals turn stale, after its stages' rotting days changed. */
    void refreshStaleness(UUID pipelineId) {
        jdbc.sql("""
                update deals d
                   set stale_at = least(d.stage_entered_at, coalesce(d.last_activity_at, d.stage_entered_at))
                                  + make_interval(days => s.rotting_days)
                  from pipeline_stages s
                 where s.id = d.stage_id and d.pipeline_id = :id""").param("id", pipelineId).update();
    }

    boolean inUse(UUID pipelineId) {
        return jdbc.sql("select exists(select 1 from deals where pipeline_id = :id)").param("id", pipelineId)
                .query(Boolean.class).single();
    }

    void delete(UUID pipelineId) {
        jdbc.sql("delete from pipelines where id = :id").param("id", pipelineId).update();
    }

    List<LostReasonView> lostReasons(boolean includeArchived) {
        return jdbc.sql("select * from lost_reasons where (:all or archived_at is null) order by position, created_at")
                .param("all", includeArchived).query(PipelineRepository::lostReason).list();
    }

    Optional<LostReasonView> lostReason(UUID id) {
        return jdbc.sql("select * from lost_reasons where id = :id").param("id", id)
                .query(PipelineRepository::lostReason).optional();
    }

    void insertLostReason(UUID id, String name, String nameTr, UUID actor) {
        jdbc.sql("""
                insert into lost_reasons (id, name, name_tr, position, created_at, updated_at, created_by, updated_by)
                values (:id, :name, :nameTr, (select coalesce(max(position), -1) + 1 from lost_reasons), now(), now(),
                        :actor, :actor)""")
                .param("id", id).param("name", name).param("nameTr", nameTr).param("actor", actor).update();
    }

    void updateLostReason(UUID id, String name, String nameTr, boolean archived, UUID actor) {
        jdbc.sql("""
                update lost_reasons set name = :name, name_tr = :nameTr,
                       archived_at = case when :archived then coalesce(archived_at, now()) end,
                       updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id""")
                .param("id", id).param("name", name).param("nameTr", nameTr).param("archived", archived)
                .param("actor", actor).update();
    }

    private static Map<String, Object> stageFields(PipelineRules.Stage s) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("name", s.name());
        fields.put("nameTr", s.nameTr());
        fields.put("probability", s.probability());
        fields.put("rotting", s.rottingDays());
        fields.put("fields", s.requiredFields().stream().map(RequiredField::key).toArray(String[]::new));
        fields.put("nextActivity", s.requiresNextActivity());
        fields.put("retired", s.retired());
        return fields;
    }

    private static PipelineView pipeline(ResultSet rs, List<StageView> stages) throws SQLException {
        return new PipelineView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("name_tr"),
                rs.getInt("position"), Rows.instant(rs, "archived_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"), rs.getLong("version"), List.copyOf(stages));
    }

    static StageView stage(ResultSet rs, int row) throws SQLException {
        List<RequiredField> fields = strings(rs.getArray("required_fields")).stream()
                .map(RequiredField::ofKey).flatMap(Optional::stream).toList();
        return new StageView(rs.getObject("id", UUID.class), rs.getObject("pipeline_id", UUID.class),
                rs.getString("name"), rs.getString("name_tr"), rs.getInt("position"), rs.getInt("probability"),
                rs.getInt("rotting_days"), fields, rs.getBoolean("requires_next_activity"), Rows.instant(rs, "retired_at"));
    }

    private static LostReasonView lostReason(ResultSet rs, int row) throws SQLException {
        return new LostReasonView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("name_tr"),
                rs.getInt("position"), Rows.instant(rs, "archived_at"), rs.getLong("version"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

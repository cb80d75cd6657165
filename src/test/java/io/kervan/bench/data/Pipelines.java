package io.kervan.bench.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Three pipelines: the "New business" pipeline every installation starts with (from the migrations)
 * plus "Renewals" and "Partner channel" with their own stages and rotting days.
 */
final class Pipelines implements DataPart {

    private record StagePlan(String name, String nameTr, int probability, int rottingDays) {
    }

    @Override
    public String name() {
        return "pipelines";
    }

    @Override
    public List<String> tables() {
        return List.of();
    }

    @Override
    public void write(GenerationContext context) throws Exception {
        insert(context, "Renewals", "Yenilemeler", 1, List.of(new StagePlan("Due", "Vadesi geldi", 50, 30),
                new StagePlan("Quoted", "Teklif verildi", 70, 30), new StagePlan("Confirming", "Onayda", 90, 14)));
        insert(context, "Partner channel", "Bayi kanalı", 2, List.of(new StagePlan("Lead", "Aday", 10, 60),
                new StagePlan("Demo", "Demo", 25, 60), new StagePlan("Pilot", "Pilot", 50, 45),
                new StagePlan("Contract", "Sözleşme", 75, 30), new StagePlan("Onboarding", "Kurulum", 90, 30)));
        try (Statement statement = context.connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("""
                    select s.id, s.pipeline_id, s.position, s.rotting_days from pipeline_stages s
                      join pipelines p on p.id = s.pipeline_id
                     where s.retired_at is null and p.archived_at is null order by p.position, s.position""")) {
                while (rs.next()) {
                    context.stages.add(new GenerationContext.Stage(rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getInt(3), rs.getInt(4)));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "select id from lost_reasons where archived_at is null order by position")) {
                while (rs.next()) {
                    context.lostReasons.add(rs.getObject(1, UUID.class));
                }
            }
        }
    }

    private static void insert(GenerationContext context, String name, String nameTr, int position,
            List<StagePlan> stages) throws Exception {
        Timestamp now = Timestamp.from(context.reference.minusSeconds(3L * 366 * 86_400));
        UUID pipelineId = context.ids.at(now.toInstant());
        try (PreparedStatement pipeline = context.connection.prepareStatement("""
                insert into pipelines (id, name, name_tr, position, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            pipeline.setObject(1, pipelineId);
            pipeline.setString(2, name);
            pipeline.setString(3, nameTr);
            pipeline.setInt(4, position);
            pipeline.setTimestamp(5, now);
            pipeline.setTimestamp(6, now);
            pipeline.executeUpdate();
        }
        try (PreparedStatement stage = context.connection.prepareStatement("""
                insert into pipeline_stages (id, pipeline_id, name, name_tr, position, probability, rotting_days,
                    created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < stages.size(); i++) {
                StagePlan plan = stages.get(i);
                stage.setObject(1, context.ids.at(now.toInstant()));
                stage.setObject(2, pipelineId);
                stage.setString(3, plan.name());
                stage.setString(4, plan.nameTr());
                stage.setInt(5, i);
                stage.setInt(6, plan.probability());
                stage.setInt(7, plan.rottingDays());
                stage.setTimestamp(8, now);
                stage.setTimestamp(9, now);
                stage.addBatch();
            }
            stage.executeBatch();
        }
    }
}

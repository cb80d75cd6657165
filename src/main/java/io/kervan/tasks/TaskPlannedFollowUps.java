package io.kervan.tasks;

import io.kervan.shared.records.PlannedFollowUps;
import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** For the pipeline's "a next activity must be planned" gate: an open task linked to the record counts. */
@Component
class TaskPlannedFollowUps implements PlannedFollowUps {

    private final JdbcClient jdbc;

    TaskPlannedFollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasPlannedFollowUp(RecordRef record, Instant now) {
        return jdbc.sql("""
                select exists (select 1 from task_links l join tasks t on t.id = l.task_id
                                where l.record_type = :type and l.record_id = :id and t.status = 'open')""")
                .param("type", record.type().apiName()).param("id", record.id()).query(Boolean.class).single();
    }
}

package io.kervan.deals;

import io.kervan.shared.LiteralLimit;
import io.kervan.shared.Rows;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import io.kervan.shared.records.TimelineEntry;
import io.kervan.shared.records.TimelineQuery;
import io.kervan.shared.records.TimelineSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals' stage moves and reopenings on their timelines, from the stage history. A deal's first stage
 * is its creation and winning or losing is a main event: both come from the audit trail instead.
 */
@Component
class DealStageTimelineSource implements TimelineSource {

    static final String KIND = "stageChange";

    private final JdbcClient jdbc;

    DealStageTimelineSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(TimelineQuery query) {
        UUID[] deals = query.records().stream().filter(r -> r.type() == RecordType.DEAL).map(RecordRef::id)
                .toArray(UUID[]::new);
        if (deals.length == 0) {
            return List.of();
        }
        boolean turkish = "tr".equals(LocaleContextHolder.getLocale().getLanguage());
        return jdbc.sql("""
                select h.id, h.deal_id, h.from_stage_id, h.from_status, h.to_stage_id, h.moved_at, h.moved_by,
                       h.seconds_in_previous, fs.name as from_name, fs.name_tr as from_name_tr,
                       ts.name as to_name, ts.name_tr as to_name_tr
                  from deal_stage_history h
                  join pipeline_stages fs on fs.id = h.from_stage_id
                  join pipeline_stages ts on ts.id = h.to_stage_id
                 where h.deal_id = any(:deals) and h.to_status = 'open' and %s
                 order by h.moved_at desc, h.id desc %s"""
                        .formatted(query.olderThanCursorSql(KIND, "h.moved_at", "h.id"),
                                LiteralLimit.of(query.limit())))
                .params(query.cursorParameters()).param("deals", deals)
                .query((rs, n) -> entry(rs, turkish)).list();
    }

    private static TimelineEntry entry(ResultSet rs, boolean turkish) throws SQLException {
        String from = name(rs, "from_name", turkish);
        String to = name(rs, "to_name", turkish);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromStageId", rs.getObject("from_stage_id", UUID.class));
        details.put("fromStage", from);
        details.put("toStageId", rs.getObject("to_stage_id", UUID.class));
        details.put("toStage", to);
        if (rs.getObject("seconds_in_previous") != null) {
            details.put("secondsInPrevious", rs.getLong("seconds_in_previous"));
        }
        String type = "open".equals(rs.getString("from_status")) ? "moved" : "reopened";
        return new TimelineEntry(KIND, rs.getObject("id", UUID.class).toString(),
                Rows.instant(rs, "moved_at"), rs.getObject("moved_by", UUID.class), type,
                from + " → " + to, null, details, new RecordRef(RecordType.DEAL, rs.getObject("deal_id", UUID.class)));
    }

    private static String name(ResultSet rs, String column, boolean turkish) throws SQLException {
        String translated = turkish ? rs.getString(column + "_tr") : null;
        return translated != null && !translated.isBlank() ? translated : rs.getString(column);
    }
}

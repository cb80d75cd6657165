package io.kervan.companies;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.records.LinkableRecords;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Companies as records that activities and tasks link to, under the companies' own visibility rule. */
@Component
class CompanyLinkableRecords implements LinkableRecords {

    private static final String COLUMNS = "id, name, owner_id, visible_to_team";

    private final JdbcClient jdbc;
    private final Visibility visibility;

    CompanyLinkableRecords(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public RecordType type() {
        return RecordType.COMPANY;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LinkedRecord> findVisible(UUID id) {
        VisibilityScope scope = visibility.current();
        return jdbc.sql("select " + COLUMNS + " from companies where id = :id").param("id", id)
                .query((rs, n) -> scope.canView(rs.getObject("owner_id", UUID.class), rs.getBoolean("visible_to_team"))
                        ? record(rs, scope.canEdit(rs.getObject("owner_id", UUID.class))) : null)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, LinkedRecord> describe(Collection<UUID> ids) {
        Map<UUID, LinkedRecord> described = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from companies where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                    .query((rs, n) -> record(rs, false)).list()
                    .forEach(record -> described.put(record.ref().id(), record));
        }
        return described;
    }

    private static LinkedRecord record(ResultSet rs, boolean editable) throws SQLException {
        return new LinkedRecord(new RecordRef(RecordType.COMPANY, rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getObject("owner_id", UUID.class), editable);
    }
}

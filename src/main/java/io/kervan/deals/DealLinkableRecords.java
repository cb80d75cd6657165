package io.kervan.deals;

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

/** Deals as records that activities and tasks link to, under the deals' own visibility rule; a
 * company's children are its deals the signed-in user may see. */
@Component
class DealLinkableRecords implements LinkableRecords {

    private static final String COLUMNS = "id, title, owner_id, visible_to_team";

    private final JdbcClient jdbc;
    private final Visibility visibility;

    DealLinkableRecords(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public RecordType type() {
        return RecordType.DEAL;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LinkedRecord> findVisible(UUID id) {
        VisibilityScope scope = visibility.current();
        return jdbc.sql("select " + COLUMNS + " from deals where id = :id").param("id", id)
                .query((rs, n) -> scope.canView(rs.getObject("owner_id", UUID.class), rs.getBoolean("visible_to_team"))
                        ? record(rs, scope.canEdit(rs.getObject("owner_id", UUID.class))) : null)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, LinkedRecord> describe(Collection<UUID> ids) {
        Map<UUID, LinkedRecord> described = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from deals where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                    .query((rs, n) -> record(rs, false)).list()
                    .forEach(record -> described.put(record.ref().id(), record));
        }
        return described;
    }

    /** A company's deals that the signed-in user may see, closed and archived ones included. */
    @Override
    @Transactional(readOnly = true)
    public List<RecordRef> childrenOf(RecordRef parent, int limit) {
        if (parent.type() != RecordType.COMPANY) {
            return List.of();
        }
        VisibilityScope scope = visibility.current();
        return jdbc.sql("select d.id from deals d where d.company_id = :companyId and %s order by d.id limit :limit"
                        .formatted(scope.sqlPredicate("d")))
                .params(scope.sqlParameters()).param("companyId", parent.id()).param("limit", limit)
                .query((rs, n) -> new RecordRef(RecordType.DEAL, rs.getObject("id", UUID.class))).list();
    }

    private static LinkedRecord record(ResultSet rs, boolean editable) throws SQLException {
        return new LinkedRecord(new RecordRef(RecordType.DEAL, rs.getObject("id", UUID.class)), rs.getString("title"),
                rs.getObject("owner_id", UUID.class), editable);
    }
}

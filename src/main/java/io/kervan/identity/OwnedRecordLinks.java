package io.kervan.identity;

import io.kervan.shared.records.LinkableRecords;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link LinkableRecords} of a module whose records have an owner and a team-visibility flag
 * ({@code owner_id}, {@code visible_to_team}) and so fall under {@link Visibility}: found only when the
 * signed-in user may see them, and labelled by the module. Each owning module keeps a small subclass
 * naming its table and label, so the SQL still runs on behalf of the module that owns the table.
 */
public abstract class OwnedRecordLinks implements LinkableRecords {

    /** Reads a record's label from the row's label columns. */
    @FunctionalInterface
    protected interface Label {
        String read(ResultSet rs) throws SQLException;
    }

    private final RecordType type;
    private final String table;
    private final String columns;
    private final Label label;
    protected final JdbcClient jdbc;
    protected final Visibility visibility;

    /**
     * @param table the module's own table of these records
     * @param labelColumns the columns {@code label} reads, comma-separated
     */
    protected OwnedRecordLinks(RecordType type, String table, String labelColumns, Label label, JdbcClient jdbc,
            Visibility visibility) {
        this.type = type;
        this.table = table;
        this.columns = "id, owner_id, visible_to_team, " + labelColumns;
        this.label = label;
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public RecordType type() {
        return type;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LinkedRecord> findVisible(UUID id) {
        VisibilityScope scope = visibility.current();
        return jdbc.sql("select " + columns + " from " + table + " where id = :id").param("id", id)
                .query((rs, n) -> scope.canView(rs.getObject("owner_id", UUID.class), rs.getBoolean("visible_to_team"))
                        ? record(rs, scope.canEdit(rs.getObject("owner_id", UUID.class))) : null)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, LinkedRecord> describe(Collection<UUID> ids) {
        Map<UUID, LinkedRecord> described = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + columns + " from " + table + " where id = any(:ids)")
                    .param("ids", ids.toArray(UUID[]::new))
                    .query((rs, n) -> record(rs, false)).list()
                    .forEach(record -> described.put(record.ref().id(), record));
        }
        return described;
    }

    private LinkedRecord record(ResultSet rs, boolean editable) throws SQLException {
        return new LinkedRecord(new RecordRef(type, rs.getObject("id", UUID.class)), label.read(rs),
                rs.getObject("owner_id", UUID.class), editable);
    }
}

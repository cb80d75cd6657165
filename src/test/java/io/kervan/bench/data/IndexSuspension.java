package io.kervan.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk loading into tables with trigram GIN indexes row by row is slow; building the index once after
 * the load is much faster. This drops the secondary indexes of the loaded tables (not the ones backing
 * primary keys or constraints, which foreign keys need) and recreates them from their exact
 * definitions as Flyway made them ({@code pg_indexes.indexdef}).
 */
final class IndexSuspension {

    private final List<String> definitions = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    static IndexSuspension drop(Connection connection, List<String> tables) throws SQLException {
        IndexSuspension suspension = new IndexSuspension();
        try (PreparedStatement query = connection.prepareStatement("""
                select i.indexname, i.indexdef from pg_indexes i
                 where i.schemaname = 'public' and i.tablename = any (?)
                   and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
                 order by i.indexname""")) {
            query.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    suspension.names.add(rs.getString(1));
                    suspension.definitions.add(rs.getString(2));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : suspension.names) {
                statement.execute("drop index " + name);
            }
        }
        return suspension;
    }

    int count() {
        return names.size();
    }

    void recreate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.execute(definition);
            }
        }
    }
}

package io.kervan.identity;

import io.kervan.shared.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

    private static final String SELECT = """
            select t.id, t.name, t.manager_id, trim(m.first_name || ' ' || m.last_name) as manager_name,
                   (select count(*) from users u where u.team_id = t.id) as member_count,
                   t.created_at, t.updated_at, t.version
              from teams t left join users m on m.id = t.manager_id""";

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TeamView> findAll() {
        return jdbc.sql(SELECT + " order by lower(t.name)").query(TeamRepository::map).list();
    }

    Optional<TeamView> findById(UUID id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TeamRepository::map).optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists(select 1 from teams where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    boolean nameTaken(String name, UUID exceptId) {
        return jdbc.sql("select exists(select 1 from teams where lower(name) = lower(:name) and id <> :except)")
                .param("name", name).param("except", exceptId == null ? new UUID(0, 0) : exceptId)
                .query(Boolean.class).single();
    }

    Map<UUID, String> names() {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, name from teams").query(rs -> {
            names.put(rs.getObject("id", UUID.class), rs.getString("name"));
        });
        return names;
    }

    void insert(UUID id, String name, UUID managerId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into teams (id, name, manager_id, created_at, updated_at, version)
                values (:id, :name, :managerId, :now, :now, 0)""")
                .param("id", id).param("name", name).param("managerId", managerId).param("now", now).update();
    }

    boolean update(UUID id, String name, UUID managerId, long version) {
        return jdbc.sql("""
                update teams set name = :name, manager_id = :managerId, updated_at = now(), version = version + 1
                 where id = :id and version = :version""")
                .param("id", id).param("name", name).param("managerId", managerId).param("version", version)
                .update() == 1;
    }

    private static TeamView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TeamView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("manager_id", UUID.class), rs.getString("manager_name"), rs.getInt("member_count"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}

package io.kervan.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record visibility rule, in one place.
 * <ul>
 * <li>{@code ADMIN} sees and edits everything.</li>
 * <li>{@code MANAGER} sees and edits records owned by members of the teams they lead, and their own.</li>
 * <li>{@code SALES_REP} sees their own records and their teammates' records marked visible to the team;
 * edits only their own.</li>
 * <li>{@code SUPPORT_AGENT}, {@code MARKETING}, {@code READ_ONLY} see everything and edit nothing.</li>
 * </ul>
 * Role and team are read fresh from the database, so a change by an admin applies at once.
 */
@Service
public class Visibility {

    private final JdbcClient jdbc;

    Visibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The scope of the signed-in user. */
    @Transactional(readOnly = true)
    public VisibilityScope current() {
        return of(CurrentUser.require().id());
    }

    @Transactional(readOnly = true)
    public VisibilityScope of(UUID userId) {
        record RoleAndTeam(Role role, UUID teamId, boolean active) {
        }
        RoleAndTeam user = jdbc.sql("select role, team_id, active from users where id = :id").param("id", userId)
                .query((rs, n) -> new RoleAndTeam(Role.valueOf(rs.getString("role")),
                        rs.getObject("team_id", UUID.class), rs.getBoolean("active")))
                .optional().orElse(new RoleAndTeam(Role.READ_ONLY, null, false));
        Set<UUID> self = Set.of(userId);
        if (!user.active()) {
            return new VisibilityScope(userId, user.role(), false, false, Set.of(), Set.of(), Set.of());
        }
        return switch (user.role()) {
            case ADMIN -> new VisibilityScope(userId, user.role(), true, true, self, Set.of(), self);
            case SUPPORT_AGENT, MARKETING, READ_ONLY ->
                    new VisibilityScope(userId, user.role(), true, false, Set.of(), Set.of(), Set.of());
            case MANAGER -> {
                Set<UUID> led = new HashSet<>(membersOfTeamsLedBy(userId));
                led.add(userId);
                yield new VisibilityScope(userId, user.role(), false, false, Set.copyOf(led), Set.of(), Set.copyOf(led));
            }
            case SALES_REP -> {
                Set<UUID> teammates = new HashSet<>(user.teamId() == null ? List.of() : membersOf(user.teamId()));
                teammates.remove(userId);
                yield new VisibilityScope(userId, user.role(), false, false, self, Set.copyOf(teammates), self);
            }
        };
    }

    /**
     * Whether records may be given to {@code ownerId} by the holder of {@code scope}: the owner must be
     * an active user whose records the holder may edit (a sales rep may own only their own records).
     */
    @Transactional(readOnly = true)
    public boolean mayAssignTo(VisibilityScope scope, UUID ownerId) {
        if (ownerId == null || !scope.canEdit(ownerId)) {
            return false;
        }
        return jdbc.sql("select exists(select 1 from users where id = :id and active)").param("id", ownerId)
                .query(Boolean.class).single();
    }

    private List<UUID> membersOfTeamsLedBy(UUID managerId) {
        return jdbc.sql("select u.id from users u join teams t on t.id = u.team_id where t.manager_id = :id")
                .param("id", managerId).query(UUID.class).list();
    }

    private List<UUID> membersOf(UUID teamId) {
        return jdbc.sql("select id from users where team_id = :team").param("team", teamId).query(UUID.class).list();
    }
}

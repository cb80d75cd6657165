package io.kervan.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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

    private static final String REQUEST_MEMO = Visibility.class.getName() + ".scope";

    private final JdbcClient jdbc;

    Visibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The scope of the signed-in user, worked out once per request: a request asks for it from several
     * places (the record, the linked companies' names, the timeline), and it cannot change within one.
     */
    @Transactional(readOnly = true)
    public VisibilityScope current() {
        UUID userId = CurrentUser.require().id();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return of(userId);
        }
        Object memo = request.getAttribute(REQUEST_MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo instanceof VisibilityScope scope && scope.userId().equals(userId)) {
            return scope;
        }
        VisibilityScope scope = of(userId);
        request.setAttribute(REQUEST_MEMO, scope, RequestAttributes.SCOPE_REQUEST);
        return scope;
    }

    /**
     * What {@link #scope} reads, as columns over {@code users u}: the user's role and the owners whose records
     * they see. The API token's query reads them with the token ({@link ApiTokenService#authenticate}).
     */
    static final String SCOPE_COLUMNS = """
            u.role as scope_role, u.active as scope_active,
            array(select m.id from users m where m.team_id = u.team_id and m.id <> u.id) as scope_teammates,
            array(select m.id from users m join teams t on t.id = m.team_id where t.manager_id = u.id) as scope_led""";

    /** The scope of any user, in one query. */
    @Transactional(readOnly = true)
    public VisibilityScope of(UUID userId) {
        return jdbc.sql("select " + SCOPE_COLUMNS + " from users u where u.id = :id").param("id", userId)
                .query((rs, n) -> scope(userId, rs)).optional()
                .orElse(nothing(userId, Role.READ_ONLY));
    }

    /** The scope of {@code userId} from a row with {@link #SCOPE_COLUMNS}. */
    static VisibilityScope scope(UUID userId, ResultSet row) throws SQLException {
        Role role = Role.valueOf(row.getString("scope_role"));
        Set<UUID> self = Set.of(userId);
        if (!row.getBoolean("scope_active")) {
            return nothing(userId, role);
        }
        return switch (role) {
            case ADMIN -> new VisibilityScope(userId, role, true, true, self, Set.of(), self);
            case SUPPORT_AGENT, MARKETING, READ_ONLY ->
                    new VisibilityScope(userId, role, true, false, Set.of(), Set.of(), Set.of());
            case MANAGER -> {
                Set<UUID> led = new HashSet<>(ids(row.getArray("scope_led")));
                led.add(userId);
                yield new VisibilityScope(userId, role, false, false, Set.copyOf(led), Set.of(), Set.copyOf(led));
            }
            case SALES_REP -> new VisibilityScope(userId, role, false, false, self,
                    ids(row.getArray("scope_teammates")), self);
        };
    }

    /** The scope of a user who sees nothing: an unknown or deactivated one. */
    private static VisibilityScope nothing(UUID userId, Role role) {
        return new VisibilityScope(userId, role, false, false, Set.of(), Set.of(), Set.of());
    }

    /**
     * Makes {@code scope} the request's scope, as {@link #current} would work it out: for a request whose user's
     * scope was read along with their API token, which saves every API request a query.
     */
    static void remember(HttpServletRequest request, VisibilityScope scope) {
        request.setAttribute(REQUEST_MEMO, scope);
    }

    private static Set<UUID> ids(Array array) throws SQLException {
        return Set.of((UUID[]) array.getArray());
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
}

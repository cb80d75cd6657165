package io.kervan.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs a user out of the browser. A session keeps the role and the active flag it was signed in
 * with, so when an admin deactivates a user, changes their role, e-mail or password, the user's
 * sessions end at once instead of at the 8-hour timeout. Deleting the rows is enough: the session
 * tables are ours (Spring Session JDBC) and every request reads its session from them. Runs in the
 * caller's transaction, so a refused change signs nobody out.
 */
@Component
class UserSessions {

    private final JdbcClient jdbc;

    UserSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every session of the user, except the one making the request (someone changing their own password). */
    int endAllOf(String email) {
        return jdbc.sql("delete from spring_session where principal_name = :email and session_id <> :keep")
                .param("email", email).param("keep", currentSessionId()).update();
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                return session.getId();
            }
        }
        return "";
    }
}

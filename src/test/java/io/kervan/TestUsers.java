package io.kervan;

import io.kervan.identity.ApiTokenService;
import io.kervan.identity.Role;
import io.kervan.identity.TeamService;
import io.kervan.identity.TeamView;
import io.kervan.identity.UserDraft;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Creates users, teams and API tokens with unique names, for tests that share one database. */
public final class TestUsers {

    public static final String PASSWORD = "test-password-1";

    private final UserService users;
    private final TeamService teams;
    private final ApiTokenService tokens;

    public TestUsers(ApplicationContext context) {
        this.users = context.getBean(UserService.class);
        this.teams = context.getBean(TeamService.class);
        this.tokens = context.getBean(ApiTokenService.class);
    }

    /** A user and a Bearer token for them. */
    public record TestUser(UserView user, String token) {

        public UUID id() {
            return user.id();
        }

        public String bearer() {
            return "Bearer " + token;
        }

        public String email() {
            return user.email();
        }
    }

    public TestUser create(Role role, UUID teamId) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        UserView user = users.create(new UserDraft(role.name().toLowerCase() + "-" + unique + "@kervan.test",
                "Test", role.name() + " " + unique, PASSWORD, role, teamId, true, "en"));
        return new TestUser(user, tokens.issue(user.id(), "test").token());
    }

    public TeamView team(UUID managerId) {
        return teams.create("Team " + UUID.randomUUID().toString().substring(0, 8), managerId);
    }
}

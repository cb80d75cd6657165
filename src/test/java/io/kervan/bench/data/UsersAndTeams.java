package io.kervan.bench.data;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * 50 users in 8 teams by default: a manager per team, sales reps spread over the teams, and a few
 * support, marketing and read-only users without a team. Everyone signs in with
 * {@link #PASSWORD}; e-mails are predictable ({@code rep1@bench.kervan.test}) so the runner can sign in.
 */
public final class UsersAndTeams implements DataPart {

    public static final String PASSWORD = "bench-password-1";
    static final String DOMAIN = "@bench.kervan.test";

    @Override
    public String name() {
        return "users and teams";
    }

    @Override
    public List<String> tables() {
        return List.of();
    }

    @Override
    public void write(GenerationContext context) throws Exception {
        GeneratorSettings settings = context.settings;
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        Instant created = context.reference.minusSeconds(3L * 366 * 86_400);
        List<UUID> teams = new ArrayList<>();
        try (PreparedStatement team = context.connection.prepareStatement(
                "insert into teams (id, name, created_at, updated_at) values (?, ?, ?, ?)")) {
            for (int t = 1; t <= settings.teams(); t++) {
                UUID id = context.ids.at(created);
                teams.add(id);
                team.setObject(1, id);
                team.setString(2, "Bench " + NamePools.pick(context.random, NamePools.CITIES_TR) + " " + t);
                team.setTimestamp(3, Timestamp.from(created));
                team.setTimestamp(4, Timestamp.from(created));
                team.addBatch();
            }
            team.executeBatch();
        }
        int others = 4;
        int reps = Math.max(0, settings.users() - settings.teams() - others);
        List<String[]> plan = new ArrayList<>();
        for (int i = 1; i <= settings.teams(); i++) {
            plan.add(new String[] {"MANAGER", "manager" + i, String.valueOf(i - 1)});
        }
        for (int i = 1; i <= reps; i++) {
            plan.add(new String[] {"SALES_REP", "rep" + i, String.valueOf((i - 1) % settings.teams())});
        }
        plan.add(new String[] {"SUPPORT_AGENT", "support1", null});
        plan.add(new String[] {"SUPPORT_AGENT", "support2", null});
        plan.add(new String[] {"MARKETING", "marketing1", null});
        plan.add(new String[] {"READ_ONLY", "readonly1", null});
        try (PreparedStatement user = context.connection.prepareStatement("""
                insert into users (id, email, password_hash, first_name, last_name, role, team_id, active, locale,
                    created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""");
                PreparedStatement manager = context.connection.prepareStatement(
                        "update teams set manager_id = ? where id = ?")) {
            for (String[] entry : plan) {
                UUID id = context.ids.at(created);
                UUID teamId = entry[2] == null ? null : teams.get(Integer.parseInt(entry[2]));
                boolean turkish = context.random.nextInt(4) != 0;
                user.setObject(1, id);
                user.setString(2, entry[1] + DOMAIN);
                user.setString(3, hash);
                user.setString(4, NamePools.pick(context.random, turkish ? NamePools.TURKISH_FIRST : NamePools.ENGLISH_FIRST));
                user.setString(5, NamePools.pick(context.random, turkish ? NamePools.TURKISH_LAST : NamePools.ENGLISH_LAST));
                user.setString(6, entry[0]);
                user.setObject(7, teamId);
                user.setString(8, turkish ? "tr" : "en");
                user.setTimestamp(9, Timestamp.from(created));
                user.setTimestamp(10, Timestamp.from(created));
                user.executeUpdate();
                if (entry[0].equals("MANAGER")) {
                    manager.setObject(1, id);
                    manager.setObject(2, teamId);
                    manager.executeUpdate();
                }
                context.users.add(new GenerationContext.User(id, entry[1] + DOMAIN, entry[0], teamId));
            }
        }
    }
}

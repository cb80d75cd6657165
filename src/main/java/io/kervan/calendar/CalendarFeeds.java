package io.kervan.calendar;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed URLs: {@code /calendar/<feed id>/<token>.ics}. Creating a feed again replaces the token, so
 * the old URL stops working; revoking deletes it. Only a SHA-256 hash of the token is stored and the
 * check compares hashes in constant time.
 */
@Service
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new secret path for the signed-in user's feed, replacing any earlier one. */
    @Transactional
    public String createForCurrentUser() {
        UUID userId = CurrentUser.require().id();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into calendar_feeds (id, user_id, token_hash, created_at) values (:id, :userId, :hash, :now)
                on conflict (user_id) do update set id = excluded.id, token_hash = excluded.token_hash,
                    created_at = excluded.created_at""")
                .param("id", id).param("userId", userId).param("hash", sha256(token))
                .param("now", Timestamp.from(clock.instant())).update();
        return path(id, token);
    }

    /** Whether the signed-in user has a feed (the URL itself cannot be shown again; only its hash is kept). */
    @Transactional(readOnly = true)
    public boolean existsForCurrentUser() {
        return jdbc.sql("select exists(select 1 from calendar_feeds where user_id = :userId)")
                .param("userId", CurrentUser.require().id()).query(Boolean.class).single();
    }

    /** Revokes the signed-in user's feed URL. */
    @Transactional
    public boolean revokeForCurrentUser() {
        return jdbc.sql("delete from calendar_feeds where user_id = :userId")
                .param("userId", CurrentUser.require().id()).update() > 0;
    }

    /** The user the feed belongs to, when the token is the feed's current one. */
    @Transactional(readOnly = true)
    public Optional<UUID> owner(UUID feedId, String token) {
        record Feed(UUID userId, byte[] hash) {
        }
        return jdbc.sql("select user_id, token_hash from calendar_feeds where id = :id").param("id", feedId)
                .query((rs, n) -> new Feed(rs.getObject("user_id", UUID.class), rs.getBytes("token_hash")))
                .optional()
                .filter(feed -> MessageDigest.isEqual(feed.hash(), sha256(token == null ? "" : token)))
                .map(Feed::userId);
    }

    static String path(UUID feedId, String token) {
        return "/calendar/" + feedId + "/" + token + ".ics";
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

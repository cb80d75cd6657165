package io.kervan.identity;

import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code kvn_} plus 32 random bytes. Only the SHA-256 hash is stored, so a
 * leaked database does not leak usable tokens; a fast hash suffices because the secret is random.
 */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "kvn_";

    private final JdbcClient jdbc;

    ApiTokenService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token that was just created: the only moment its secret is known. */
    public record IssuedToken(UUID id, String name, String token) {
    }

    @Transactional
    public IssuedToken issue(UUID userId, String name) {
        String cleaned = name == null || name.isBlank() ? "API token" : name.strip();
        if (cleaned.length() > 100) {
            throw new InvalidInputException("name", "validation.tooLong");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into api_tokens (id, user_id, name, token_hash, created_at)
                values (:id, :userId, :name, :hash, :now)""")
                .param("id", id).param("userId", userId).param("name", cleaned).param("hash", hash(token))
                .param("now", Timestamp.from(Instant.now())).update();
        return new IssuedToken(id, cleaned, token);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> listFor(UUID userId) {
        return jdbc.sql("""
                select id, name, created_at, last_used_at, revoked_at from api_tokens
                 where user_id = :userId order by created_at desc""")
                .param("userId", userId)
                .query((rs, n) -> new ApiTokenView(rs.getObject("id", UUID.class), rs.getString("name"),
                        Rows.instant(rs, "created_at"), Rows.instant(rs, "last_used_at"),
                        Rows.instant(rs, "revoked_at")))
                .list();
    }

    @Transactional
    public void revoke(UUID userId, UUID tokenId) {
        int changed = jdbc.sql("""
                update api_tokens set revoked_at = coalesce(revoked_at, now())
                 where id = :id and user_id = :userId""")
                .param("id", tokenId).param("userId", userId).update();
        if (changed == 0) {
            throw new RecordNotFoundException("apiToken", tokenId);
        }
    }

    /**
     * The active user behind a presented token, if the token is known, unrevoked and its user active, with what
     * that user may see. One query per API call: the token, its user and the user's visibility scope (so that
     * the request needs no query of its own for it) are read together, and the last use is written only when
     * the one on record is more than a minute old (a write per call would cost more than the call). No
     * transaction: the read and the occasional write stand alone, and a transaction would add a round trip
     * to every API call.
     */
    Optional<TokenUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<TokenOwner> owner = jdbc.sql("""
                select t.id as token_id, t.last_used_at > now() - interval '1 minute' as recently_used, u.*, %s
                  from api_tokens t join users u on u.id = t.user_id
                 where t.token_hash = :hash and t.revoked_at is null""".formatted(Visibility.SCOPE_COLUMNS))
                .param("hash", hash(token))
                .query((rs, n) -> {
                    UserRecord user = UserRepository.map(rs, n);
                    return new TokenOwner(rs.getObject("token_id", UUID.class), rs.getBoolean("recently_used"),
                            new TokenUser(user, Visibility.scope(user.id(), rs)));
                })
                .optional();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (!owner.get().recentlyUsed()) {
            jdbc.sql("update api_tokens set last_used_at = now() where id = :id")
                    .param("id", owner.get().tokenId()).update();
        }
        return Optional.of(owner.get().user()).filter(u -> u.user().active());
    }

    /** The user a token belongs to, and what they may see (read with the token, for the request it signs). */
    record TokenUser(UserRecord user, VisibilityScope scope) {
    }

    private record TokenOwner(UUID tokenId, boolean recentlyUsed, TokenUser user) {
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

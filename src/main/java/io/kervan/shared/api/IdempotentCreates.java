package io.kervan.shared.api;

import io.kervan.shared.ConflictException;
import io.kervan.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Honours the {@code Idempotency-Key} header on API creates. The key is claimed in the same
 * transaction as the create, so a crash leaves neither; a retry with the same key and body returns
 * the first record, the same key with a different body is a 409.
 */
@Component
public class IdempotentCreates {

    public static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IdempotentCreates(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What happened: the id of the created (or earlier created) record and whether this was a replay. */
    public record Outcome(UUID id, boolean replayed) {
    }

    /**
     * Runs {@code create} once per (user, key). Without a key it simply runs it.
     *
     * @param canonicalRequest the request in a canonical form (re-serialised JSON), to detect reuse with another body
     */
    public Outcome create(UUID userId, String key, String canonicalRequest, Supplier<UUID> create) {
        if (key == null || key.isBlank()) {
            return transactions.execute(status -> new Outcome(create.get(), false));
        }
        if (key.length() > MAX_KEY_LENGTH || !key.matches("[\\x21-\\x7e]+")) {
            throw new InvalidInputException("Idempotency-Key", "validation.idempotencyKey");
        }
        // The resource is part of the request: a key reused on another endpoint is a conflict, not a replay.
        String hash = sha256(currentEndpoint() + "\n" + canonicalRequest);
        return transactions.execute(status -> {
            int claimed = jdbc.sql("""
                    insert into idempotency_keys (user_id, idempotency_key, request_hash, created_at)
                    values (:userId, :key, :hash, :now) on conflict do nothing""")
                    .param("userId", userId).param("key", key).param("hash", hash)
                    .param("now", Timestamp.from(Instant.now())).update();
            if (claimed == 1) {
                UUID id = create.get();
                jdbc.sql("""
                        update idempotency_keys set resource_id = :id, response_status = 201
                         where user_id = :userId and idempotency_key = :key""")
                        .param("id", id).param("userId", userId).param("key", key).update();
                return new Outcome(id, false);
            }
            return replay(userId, key, hash);
        });
    }

    private Outcome replay(UUID userId, String key, String hash) {
        record Stored(String hash, UUID resourceId) {
        }
        Stored stored = jdbc.sql("""
                select request_hash, resource_id from idempotency_keys
                 where user_id = :userId and idempotency_key = :key""")
                .param("userId", userId).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class))).single();
        if (!stored.hash().equals(hash)) {
            throw new ConflictException("This Idempotency-Key was already used with a different request");
        }
        if (stored.resourceId() == null) {
            throw new ConflictException("A request with this Idempotency-Key is still being processed");
        }
        return new Outcome(stored.resourceId(), true);
    }

    private static String currentEndpoint() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            return servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI();
        }
        return "";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

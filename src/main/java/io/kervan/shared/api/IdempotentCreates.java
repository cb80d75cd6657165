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
import java.util.function.Function;
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

    /**
     * What happened: the id of the created (or earlier created) record, and the record as {@code create} returned
     * it when this request created it ({@code null} for a replay, which only knows the id).
     */
    public record Outcome<T>(UUID id, T created) {

        /**
         * The record: as created, or read with {@code read} for a replay. A first request thus answers with what its
         * own transaction wrote, without a transaction and a read of its own (four of a contact create's fourteen
         * statements).
         */
        public T orRead(Function<UUID, T> read) {
            return created != null ? created : read.apply(id);
        }
    }

    /**
     * Runs {@code create} once per (user, key). Without a key it simply runs it.
     *
     * @param canonicalRequest the request in a canonical form (re-serialised JSON), to detect reuse with another body
     * @param idOf the id of the record {@code create} returns
     */
    public <T> Outcome<T> create(UUID userId, String key, String canonicalRequest, Supplier<T> create,
            Function<T, UUID> idOf) {
        if (key == null || key.isBlank()) {
            return transactions.execute(status -> created(create.get(), idOf));
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
                Outcome<T> outcome = created(create.get(), idOf);
                jdbc.sql("""
                        update idempotency_keys set resource_id = :id, response_status = 201
                         where user_id = :userId and idempotency_key = :key""")
                        .param("id", outcome.id()).param("userId", userId).param("key", key).update();
                return outcome;
            }
            return replay(userId, key, hash);
        });
    }

    private static <T> Outcome<T> created(T record, Function<T, UUID> idOf) {
        return new Outcome<>(idOf.apply(record), record);
    }

    private <T> Outcome<T> replay(UUID userId, String key, String hash) {
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
        return new Outcome<>(stored.resourceId(), null);
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

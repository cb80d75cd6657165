package io.kervan.bench.data;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Version 7 UUIDs like {@link io.kervan.shared.Ids}, but from a seeded source and a given creation time. */
final class SeededIds {

    private final Random random;

    SeededIds(Random random) {
        this.random = random;
    }

    UUID at(Instant createdAt) {
        long millis = createdAt.toEpochMilli();
        long msb = (millis << 16) | (0x7L << 12) | random.nextInt(1 << 12);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

package io.kervan.bench.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the parts of a generation share: the connection, the seeded random source, and the records
 * earlier parts made that later parts link to (users, companies, contacts, stages).
 */
final class GenerationContext implements AutoCloseable {

    /** Rows are flushed to PostgreSQL in chunks of about this many characters. */
    static final int FLUSH_CHARS = 8 << 20;

    final GeneratorSettings settings;
    final Connection connection;
    final Random random;
    final SeededIds ids;
    final Instant reference;

    final List<User> users = new ArrayList<>();
    final List<Stage> stages = new ArrayList<>();
    final List<UUID> lostReasons = new ArrayList<>();
    UUID[] companyIds = new UUID[0];
    String[] companyNames = new String[0];
    UUID[] contactIds = new UUID[0];
    /** The index into {@link #companyIds} of each contact's primary company, -1 for none. */
    int[] contactCompany = new int[0];
    UUID[] dealIds = new UUID[0];
    UUID[] dealOwners = new UUID[0];

    private final Writer groundTruth;
    private final Writer sampleIds;

    record User(UUID id, String email, String role, UUID teamId) {
    }

    record Stage(UUID id, UUID pipelineId, int position, int rottingDays) {
    }

    GenerationContext(GeneratorSettings settings, Connection connection) throws IOException {
        this.settings = settings;
        this.connection = connection;
        this.random = new Random(settings.seed());
        this.ids = new SeededIds(random);
        this.reference = settings.reference();
        Files.createDirectories(settings.outputDir());
        this.groundTruth = Files.newBufferedWriter(settings.outputDir().resolve("duplicates.csv"),
                StandardCharsets.UTF_8);
        groundTruth.write("duplicate_id,original_id,kind,detail\n");
        this.sampleIds = Files.newBufferedWriter(settings.outputDir().resolve("sample-ids.csv"), StandardCharsets.UTF_8);
        sampleIds.write("record_type,id,owner_id\n");
    }

    /** A moment in the three years before the reference date. */
    Instant pastInstant() {
        return reference.minusSeconds(1 + (long) (random.nextDouble() * Duration.ofDays(3 * 365).toSeconds()));
    }

    /** The owner of a record: any sales rep or manager (the people who own customers). */
    User randomOwner() {
        while (true) {
            User user = users.get(random.nextInt(users.size()));
            if (user.role().equals("SALES_REP") || user.role().equals("MANAGER")) {
                return user;
            }
        }
    }

    void recordDuplicate(UUID duplicate, UUID original, String kind, String detail) throws IOException {
        groundTruth.write(duplicate + "," + original + "," + kind + ",\"" + detail.replace("\"", "\"\"") + "\"\n");
    }

    /** Keeps about {@code perType} ids of each record type for the scenario runner (get by id, 360° pages). */
    void maybeSample(String type, UUID id, UUID ownerId, int total, int perType) throws IOException {
        if (random.nextInt(Math.max(1, total)) < perType) {
            sampleIds.write(type + "," + id + "," + ownerId + "\n");
        }
    }

    @Override
    public void close() throws IOException {
        groundTruth.close();
        sampleIds.close();
    }
}

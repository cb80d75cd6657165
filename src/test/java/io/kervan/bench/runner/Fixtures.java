package io.kervan.bench.runner;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scenarios draw from: the generator's sample ids (with their owners), its manifest (who to
 * sign in as, the pipelines), and the cursors of deep list pages, found by walking the list once per
 * user before measuring.
 */
final class Fixtures {

    private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Sample(String type, UUID id, UUID ownerId) {
    }

    /** A deep page's cursor and the page number (at 50 rows a page) it starts. */
    record DeepCursor(String cursor, int page) {
    }

    final Properties manifest = new Properties();
    final List<Sample> samples = new ArrayList<>();
    final List<UUID> pipelines = new ArrayList<>();
    final List<UUID> owners = new ArrayList<>();

    Fixtures(Path dataDir) throws IOException {
        try (Reader in = Files.newBufferedReader(dataDir.resolve("manifest.properties"), StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        for (String line : Files.readAllLines(dataDir.resolve("sample-ids.csv")).subList(1,
                Files.readAllLines(dataDir.resolve("sample-ids.csv")).size())) {
            String[] f = line.split(",");
            samples.add(new Sample(f[0], UUID.fromString(f[1]), UUID.fromString(f[2])));
            UUID owner = UUID.fromString(f[2]);
            if (!owners.contains(owner)) {
                owners.add(owner);
            }
        }
        for (String id : manifest.getProperty("pipelines").split(",")) {
            pipelines.add(UUID.fromString(id));
        }
    }

    /** Samples a user may open: all for an admin ({@code ownerId} null), else the user's own. */
    List<Sample> samplesFor(UUID ownerId, String type) {
        return samples.stream().filter(s -> (type == null || s.type().equals(type))
                && (ownerId == null || s.ownerId().equals(ownerId))).toList();
    }

    /**
     * Walks the contact list (name order) 200 rows at a time to the start of page {@code targetPage} at 50
     * rows a page, keeping the last few cursors; on a shorter list the deepest pages reached.
     */
    static List<DeepCursor> deepCursors(KervanClient client, int targetPage) {
        List<DeepCursor> cursors = new ArrayList<>();
        String cursor = null;
        int rows = 0;
        int targetRows = (targetPage - 1) * 50;
        while (rows < targetRows) {
            int limit = Math.min(200, targetRows - rows);
            KervanClient.Answer answer = client.api("api/v1/contacts?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            if (!answer.ok()) {
                throw new IllegalStateException("Walking the contact list failed: " + answer.status());
            }
            Matcher next = NEXT.matcher(answer.body());
            Matcher ids = ID.matcher(answer.body());
            while (ids.find()) {
                rows++;
            }
            if (!next.find()) {
                break;
            }
            cursor = next.group(1);
            cursors.add(new DeepCursor(cursor, rows / 50 + 1));
        }
        if (cursors.isEmpty()) {
            cursors.add(new DeepCursor(null, 1)); // a list of one page: its first page is its deepest
        }
        return cursors.subList(Math.max(0, cursors.size() - 5), cursors.size());
    }

    static String nextCursor(String body) {
        Matcher next = NEXT.matcher(body);
        return next.find() ? next.group(1) : null;
    }

    static String firstId(String body) {
        Matcher id = ID.matcher(body);
        return id.find() ? id.group(1) : null;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

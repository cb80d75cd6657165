package io.kervan.bench.data;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * What to generate. The same seed, sizes and reference date always give the same data set (ids
 * included): ids are time-ordered UUIDs built from the seeded random source and the records' dates.
 *
 * @param referenceDate "today" of the data set: records are dated in the three years before it
 * @param duplicateRate share of contacts planted as near-duplicates of an earlier contact
 * @param outputDir where the duplicate ground truth and the sample ids for the scenario runner go
 */
public record GeneratorSettings(String jdbcUrl, String user, String password, long seed, int users, int teams,
        int companies, int contacts, int deals, int activities, double duplicateRate, LocalDate referenceDate,
        Path outputDir) {

    /** The default size: 1,000,000 contacts, 200,000 companies and deals, 2,000,000 activities. */
    public static GeneratorSettings defaults(String jdbcUrl, Path outputDir) {
        return new GeneratorSettings(jdbcUrl, "postgres", "postgres", 42, 50, 8, 200_000, 1_000_000, 200_000,
                2_000_000, 0.01, LocalDate.now(ZoneOffset.UTC), outputDir);
    }

    /** A size for quick runs and tests: {@code contacts} contacts and the other counts in the default ratios. */
    public GeneratorSettings scaledTo(int contactCount) {
        return new GeneratorSettings(jdbcUrl, user, password, seed, users, teams, Math.max(10, contactCount / 5),
                contactCount, Math.max(10, contactCount / 5), contactCount * 2, duplicateRate, referenceDate,
                outputDir);
    }

    public Instant reference() {
        return referenceDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * {@code --jdbc URL --out DIR [--size default|small|tiny] [--contacts N] [--companies N] [--deals N]
     * [--activities N] [--seed N] [--reference-date YYYY-MM-DD]}; small is 100,000 contacts, tiny 200.
     */
    public static GeneratorSettings parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--migrate")) {
                i--;
                continue;
            }
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String jdbc = require(options, "jdbc");
        GeneratorSettings settings = defaults(jdbc, Path.of(options.getOrDefault("out", "target/bench")));
        settings = switch (options.getOrDefault("size", "default")) {
            case "default" -> settings;
            case "medium" -> settings.scaledTo(300_000);
            case "small" -> settings.scaledTo(100_000);
            case "tiny" -> settings.scaledTo(200);
            default -> throw new IllegalArgumentException("--size is default, medium, small or tiny");
        };
        return new GeneratorSettings(jdbc, options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", "postgres"),
                Long.parseLong(options.getOrDefault("seed", String.valueOf(settings.seed()))), settings.users(),
                settings.teams(), intOption(options, "companies", settings.companies()),
                intOption(options, "contacts", settings.contacts()), intOption(options, "deals", settings.deals()),
                intOption(options, "activities", settings.activities()), settings.duplicateRate(),
                options.containsKey("reference-date") ? LocalDate.parse(options.get("reference-date"))
                        : settings.referenceDate(),
                settings.outputDir());
    }

    private static int intOption(Map<String, String> options, String key, int fallback) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key).replace("_", "")) : fallback;
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }
}

package io.kervan.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "scheduled jobs run once" part of the scale-out check ({@code bench/two-nodes.sh}), over the API only.
 * <ul>
 * <li>{@code plan NODES EMAIL PASSWORD COUNT FIRST_IN_S SPACING_S FILE}: creates COUNT tasks assigned to the
 * user, each with a reminder (the first FIRST_IN_S seconds from now, then one every SPACING_S seconds),
 * sending the creates to the comma-separated nodes in turn; writes {@code taskId reminderAt} lines to FILE.</li>
 * <li>{@code verify NODE EMAIL PASSWORD FILE TIMEOUT_S}: waits until every planned task has its reminder
 * notification, then checks that each has exactly one. Exits 1 when one is missing after TIMEOUT_S, or
 * duplicated.</li>
 * </ul>
 */
public final class ReminderCheck {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String KIND = "taskReminder";

    private ReminderCheck() {
    }

    public static void main(String[] args) throws Exception {
        int status = switch (args[0]) {
            case "plan" -> plan(args[1].split(","), args[2], args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Path.of(args[7]));
            case "verify" -> verify(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("plan or verify");
        };
        System.exit(status);
    }

    static int plan(String[] nodes, String email, String password, int count, int firstInSeconds, int spacingSeconds,
            Path file) throws IOException {
        List<KervanClient> clients = new ArrayList<>();
        for (String node : nodes) {
            clients.add(KervanClient.signIn(node, email, password));
        }
        Instant first = Instant.now().plusSeconds(firstInSeconds);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant remindAt = first.plusSeconds((long) i * spacingSeconds);
            KervanClient client = clients.get(i % clients.size());
            KervanClient.Answer answer = client.apiPost("api/v1/tasks", """
                    {"title": "Scale-out reminder %d", "dueAt": "%s", "reminderAt": "%s"}"""
                    .formatted(i + 1, remindAt.plus(Duration.ofHours(1)), remindAt));
            if (answer.status() != 201) {
                System.err.println("Creating task " + (i + 1) + " on " + nodes[i % nodes.length] + " failed: "
                        + answer.status() + " " + answer.body());
                return 1;
            }
            lines.add(JSON.readTree(answer.body()).get("id").asString() + " " + remindAt);
        }
        Files.write(file, lines);
        System.out.println("Planned " + count + " reminders from " + first + " every " + spacingSeconds
                + " s, created through " + String.join(" and ", nodes));
        return 0;
    }

    static int verify(String node, String email, String password, Path file, int timeoutSeconds)
            throws IOException, InterruptedException {
        Map<String, String> planned = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ");
            planned.put("/tasks/" + parts[0], parts[1]);
        }
        KervanClient client = KervanClient.signIn(node, email, password);
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        Map<String, Integer> delivered;
        while (true) {
            delivered = reminders(client, planned);
            boolean duplicated = delivered.values().stream().anyMatch(n -> n > 1);
            if (duplicated || delivered.size() == planned.size() || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(2_000);
        }
        int failures = 0;
        for (Map.Entry<String, String> task : planned.entrySet()) {
            int times = delivered.getOrDefault(task.getKey(), 0);
            if (times != 1) {
                failures++;
                System.err.println("Reminder of " + task.getKey() + " (due " + task.getValue() + ") delivered "
                        + times + " times");
            }
        }
        System.out.println("Reminders: " + planned.size() + " planned, "
                + delivered.values().stream().filter(n -> n == 1).count() + " delivered exactly once, "
                + failures + " missing or repeated");
        return failures == 0 ? 0 : 1;
    }

    /** How many reminder notifications the user has per planned task link (all pages of their notifications). */
    static Map<String, Integer> reminders(KervanClient client, Map<String, String> planned) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            KervanClient.Answer answer = client.api("api/v1/notifications?limit=200"
                    + (cursor == null ? "" : "&cursor=" + KervanClient.enc(cursor)));
            if (answer.status() != 200) {
                throw new IOException("Notifications: " + answer.status() + " " + answer.body());
            }
            JsonNode page = JSON.readTree(answer.body());
            for (JsonNode item : page.get("items")) {
                String link = item.get("link").asString();
                if (KIND.equals(item.get("kind").asString()) && planned.containsKey(link)) {
                    counts.merge(link, 1, Integer::sum);
                }
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return counts;
    }
}

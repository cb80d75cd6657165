package io.kervan.bench.runner;

import io.kervan.bench.data.NamePools;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The scenarios of issue #6 over the running app. Search is measured twice: through the global search
 * ({@code /api/v1/search}, the top bar's box: five hits each of contacts, companies, leads and deals) and
 * through the contact list's {@code q} (a list page of 50 from the largest table).
 */
final class Scenarios {

    private final Fixtures fixtures;

    Scenarios(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario("get by id (API)", 25, false, true, this::getById));
        all.add(new Scenario("list first page", 50, false, true,
                (u, r) -> u.client().api("api/v1/contacts?limit=50")));
        all.add(new Scenario("list deep page (≈1,000)", 50, false, true, (u, r) -> {
            Fixtures.DeepCursor deep = Fixtures.pick(r, u.deepCursors());
            return u.client().api("api/v1/contacts?limit=50" + (deep.cursor() == null ? "" : "&cursor=" + deep.cursor()));
        }));
        all.add(new Scenario("list filter + sort", 50, false, true, this::filterAndSort));
        all.add(new Scenario("search prefix", 50, false, true,
                (u, r) -> search(u, prefix(r))));
        all.add(new Scenario("search contains", 100, false, true,
                (u, r) -> search(u, contains(r))));
        all.add(new Scenario("search one typo", 300, false, true,
                (u, r) -> search(u, typo(r))));
        all.add(new Scenario("global search prefix", 50, false, true,
                (u, r) -> globalSearch(u, prefix(r))));
        all.add(new Scenario("global search contains", 100, false, true,
                (u, r) -> globalSearch(u, contains(r))));
        all.add(new Scenario("global search one typo", 300, false, true,
                (u, r) -> globalSearch(u, typo(r))));
        all.add(new Scenario("kanban board (HTML)", 150, false, true, (u, r) -> u.client().page(
                "deals/board?pipelineId=" + Fixtures.pick(r, fixtures.pipelines))));
        all.add(new Scenario("record 360° page (HTML)", 150, false, true, this::page360));
        all.add(new Scenario("timeline (HTML)", 150, false, true, this::timeline));
        all.add(new Scenario("create contact (API)", 0, true, false, this::create));
        all.add(new Scenario("update contact (API)", 0, true, false, this::update));
        return all;
    }

    /**
     * The mixed load's share of each scenario, in the order of {@link #all()}: reads add up to 80, writes to 20
     * (searches: 4 + 2 + 1 through the contact list, 4 + 3 + 1 through the global search box).
     */
    static final int[] MIXED_WEIGHTS = {30, 10, 5, 10, 4, 2, 1, 4, 3, 1, 5, 3, 2, 12, 8};

    /** 80 % reads, 20 % writes, as the mixed load. */
    Scenario mixed() {
        List<Scenario> all = all();
        int[] weights = MIXED_WEIGHTS;
        if (weights.length != all.size()) {
            throw new IllegalStateException("one mixed-load weight per scenario");
        }
        return new Scenario("mixed 80/20", 100, true, false, (u, r) -> {
            int roll = r.nextInt(100);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return all.get(i).request().send(u, r);
                }
            }
            throw new IllegalStateException("weights must add up to 100");
        });
    }

    private KervanClient.Answer getById(Scenario.User user, Random random) {
        Fixtures.Sample sample = Fixtures.pick(random, fixtures.samplesFor(user.admin() ? null : user.id(), null));
        return user.client().api("api/v1/" + plural(sample.type()) + "/" + sample.id());
    }

    private KervanClient.Answer page360(Scenario.User user, Random random) {
        Fixtures.Sample sample = Fixtures.pick(random, fixtures.samplesFor(user.admin() ? null : user.id(), null));
        return user.client().page(plural(sample.type()) + "/" + sample.id());
    }

    /** The first page of a record's timeline, as the 360° page loads it (htmx). */
    private KervanClient.Answer timeline(Scenario.User user, Random random) {
        Fixtures.Sample sample = Fixtures.pick(random, fixtures.samplesFor(user.admin() ? null : user.id(), null));
        return user.client().page("activities/timeline?recordType=" + sample.type() + "&recordId=" + sample.id());
    }

    private KervanClient.Answer filterAndSort(Scenario.User user, Random random) {
        if (random.nextBoolean()) {
            UUID owner = user.admin() ? Fixtures.pick(random, fixtures.owners) : user.id();
            return user.client().api("api/v1/contacts?limit=50&ownerId=" + owner + "&sort=-updatedAt");
        }
        return user.client().api("api/v1/deals?limit=50&status=open&pipelineId="
                + Fixtures.pick(random, fixtures.pipelines) + "&sort=-value");
    }

    private static KervanClient.Answer search(Scenario.User user, String query) {
        return user.client().api("api/v1/contacts?limit=50&q=" + KervanClient.enc(query));
    }

    /** The top bar's search: five hits of each record type (the API's default). */
    private static KervanClient.Answer globalSearch(Scenario.User user, String query) {
        return user.client().api("api/v1/search?q=" + KervanClient.enc(query));
    }

    /**
     * The start of a name, as people type into a search box: a last name ("Yılm", "Özde") or, one time in four, a
     * first name ("Zeyn"), a quarter of either English. First names were added in session 19: the contact list
     * sorts by first name, and a first name late in the alphabet had to walk nearly the whole order (300 ms).
     */
    static String prefix(Random random) {
        boolean english = random.nextInt(4) == 0;
        String name = random.nextInt(4) == 0
                ? Fixtures.pick(random, english ? NamePools.ENGLISH_FIRST : NamePools.TURKISH_FIRST)
                : Fixtures.pick(random, english ? NamePools.ENGLISH_LAST : NamePools.TURKISH_LAST);
        return name.substring(0, Math.min(name.length(), 4));
    }

    /** Three or four letters from inside a last name: "ldır", "zdem". */
    static String contains(Random random) {
        String name;
        do {
            name = Fixtures.pick(random, NamePools.TURKISH_LAST);
        } while (name.length() < 5);
        int length = 3 + random.nextInt(2);
        int start = 1 + random.nextInt(name.length() - length);
        return name.substring(start, start + length);
    }

    /** A last name of six letters or more with one letter wrong: "Yıldırın", "Özdenir". */
    static String typo(Random random) {
        String name;
        do {
            name = Fixtures.pick(random, NamePools.TURKISH_LAST);
        } while (name.length() < 6);
        int at = 1 + random.nextInt(name.length() - 1);
        char wrong = "aeinrsu".charAt(random.nextInt(7));
        return name.substring(0, at) + wrong + name.substring(at + 1);
    }

    /**
     * The share of English names among created contacts: 22 % of the generated data set's contacts have an English
     * first name (a 1 % sample, session 22). Until then every created contact had a Turkish name. A user's created
     * contacts sit at the recent end of the update order, which the global search box walks first (ADR 10), so a
     * sales rep's search for an English name ({@link #prefix}: one in four) walked further with every minute of the
     * mixed load: after ~50,000 such creates, 20,000 entries for no hit, 20 ms.
     */
    static final int ENGLISH_PERCENT = 22;

    private KervanClient.Answer create(Scenario.User user, Random random) {
        boolean english = random.nextInt(100) < ENGLISH_PERCENT;
        String first = Fixtures.pick(random, english ? NamePools.ENGLISH_FIRST : NamePools.TURKISH_FIRST);
        String last = Fixtures.pick(random, english ? NamePools.ENGLISH_LAST : NamePools.TURKISH_LAST);
        String serial = Long.toString(random.nextLong() & Long.MAX_VALUE);
        String json = "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"emails\":[\"bench."
                + serial + "@example.com\"],\"phones\":[\"+90532" + (1_000_000 + random.nextInt(8_999_999))
                + "\"],\"city\":\"İstanbul\",\"title\":\"" + Fixtures.pick(random, NamePools.TITLES) + "\"}";
        KervanClient.Answer answer = user.client().apiPost("api/v1/contacts", json);
        if (answer.status() == 201 && answer.location() != null) {
            String id = answer.location().substring(answer.location().lastIndexOf('/') + 1);
            user.created().add(id);
            user.acknowledged().add(id);
        }
        return answer;
    }

    /**
     * Updates one of the user's contacts. Each contact is lent to one client at a time: two clients
     * editing the same contact at once would (rightly) get 412 from the optimistic lock, which is not
     * what this scenario measures.
     */
    private KervanClient.Answer update(Scenario.User user, Random random) {
        java.util.Queue<UUID> pool = updatePools.computeIfAbsent(user.label(), label -> {
            // The admin leaves the signed-in reps' contacts alone, so that no contact is ever updated by two
            // clients at once (that would be the optimistic lock's 412, not an error of the app).
            List<UUID> own = new ArrayList<>(fixtures.samplesFor(user.admin() ? null : user.id(), "contact").stream()
                    .filter(s -> !user.admin() || !reservedOwners.contains(s.ownerId()))
                    .map(Fixtures.Sample::id).toList());
            user.created().stream().limit(50).map(UUID::fromString).forEach(own::add);
            java.util.Collections.shuffle(own, new Random(1));
            return new java.util.concurrent.ConcurrentLinkedQueue<>(own);
        });
        UUID id = pool.poll();
        if (id == null) {
            throw new IllegalStateException("More update clients than contacts of " + user.label() + " to update");
        }
        try {
            return user.client().apiPatch("api/v1/contacts/" + id,
                    "{\"title\":\"" + Fixtures.pick(random, NamePools.TITLES) + "\"}");
        } finally {
            pool.offer(id);
        }
    }

    private final java.util.Map<String, java.util.Queue<UUID>> updatePools =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<UUID> reservedOwners = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Contacts of this owner are updated only by that owner's own client. */
    void reserveOwner(UUID ownerId) {
        reservedOwners.add(ownerId);
    }

    private static String plural(String type) {
        return switch (type) {
            case "company" -> "companies";
            case "contact" -> "contacts";
            default -> "deals";
        };
    }
}

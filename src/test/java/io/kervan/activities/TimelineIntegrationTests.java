package io.kervan.activities;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static io.kervan.activities.ActivityApi.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The merged timeline: activities, stage changes and main audit events, newest first, in cursor pages, filtered. */
@IntegrationTest
class TimelineIntegrationTests {

    static final String MEETING_STAGE = "01900000-0000-7000-8000-000000000012";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    ActivityApi api;
    TestUsers.TestUser admin;
    TestUsers.TestUser rep;

    @BeforeEach
    void users() {
        api = new ActivityApi(mvc, json);
        TestUsers users = new TestUsers(context);
        admin = users.create(Role.ADMIN, null);
        rep = users.create(Role.SALES_REP, null);
    }

    @Test
    void aDealsTimelineMergesItsActivitiesStageChangesAndMainEventsWithWhoAndWhen() {
        String deal = api.deal(admin, "Birleşik zaman akışı " + UUID.randomUUID(), null);
        String call = api.log(admin, "{\"type\": \"call\", \"outcome\": \"noAnswer\", \"links\": [" + link("deal", deal) + "]}");
        assertThat(api.post(admin, "/api/v1/deals/" + deal + "/stage", "{\"stageId\": \"" + MEETING_STAGE + "\"}")).hasStatusOk();
        assertThat(api.patch(admin, "/api/v1/deals/" + deal, "{\"ownerId\": \"" + rep.id() + "\"}")).hasStatusOk();
        assertThat(api.post(admin, "/api/v1/deals/" + deal + "/won", "{\"value\": 1500}")).hasStatusOk();

        String uri = "/api/v1/timeline?recordType=deal&recordId=" + deal;
        // audit events are recorded after the commit, by a listener
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kindsAndTypes(api.get(admin, uri)))
                .contains("event:created", "event:ownerChanged", "event:won"));
        JsonNode items = api.body(api.get(admin, uri)).get("items");
        assertThat(kindsAndTypes(api.get(admin, uri))).containsExactlyInAnyOrder("event:created", "activity:call",
                "stageChange:moved", "event:ownerChanged", "event:won");
        assertNewestFirst(items);
        for (JsonNode item : items) {
            assertThat(item.get("actorId").asString()).isEqualTo(admin.id().toString());
            assertThat(item.get("actorName").asString()).isEqualTo(admin.user().displayName());
            if (item.get("kind").asString().equals("stageChange")) {
                assertThat(item.get("details").get("fromStage").asString()).isEqualTo("Qualify");
                assertThat(item.get("details").get("toStage").asString()).isEqualTo("Meeting");
            }
            if (item.get("type").asString().equals("ownerChanged")) {
                assertThat(item.get("details").get("to").asString()).isEqualTo(rep.user().displayName());
            }
            if (item.get("kind").asString().equals("activity")) {
                assertThat(item.get("id").asString()).isEqualTo(call);
            }
        }
        assertThat(kindsAndTypes(api.get(admin, uri + "&kind=event"))).containsOnly("event:created",
                "event:ownerChanged", "event:won");
        assertThat(kindsAndTypes(api.get(admin, uri + "&kind=stageChange"))).containsExactly("stageChange:moved");
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeatsEvenAtTheSameInstant() {
        String contact = api.contact(rep, "Sayfa", null);
        List<String> logged = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            logged.add(api.log(rep, "{\"type\": \"note\", \"body\": \"Not " + i + "\", \"occurredAt\": \"2026-02-0"
                    + (i + 1) + "T09:00:00Z\", \"links\": [" + link("contact", contact) + "]}"));
        }
        for (int i = 0; i < 3; i++) {
            logged.add(api.log(rep, "{\"type\": \"call\", \"occurredAt\": \"2026-02-10T09:00:00Z\", \"links\": ["
                    + link("contact", contact) + "]}"));
        }
        String uri = "/api/v1/timeline?recordType=contact&recordId=" + contact + "&kind=activity";
        List<String> all = ActivityIntegrationTests.ids(api.get(rep, uri + "&limit=100"), "activity");
        assertThat(all).containsExactlyInAnyOrderElementsOf(logged);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MvcTestResult page = api.get(rep, uri + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(ActivityIntegrationTests.ids(page, "activity"));
            JsonNode next = api.body(page).get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo(3);
        assertThat(all.subList(3, 7)).containsExactly(logged.get(3), logged.get(2), logged.get(1), logged.get(0));

        assertThat(ActivityIntegrationTests.ids(api.get(rep, "/api/v1/timeline?recordType=contact&recordId=" + contact
                + "&type=call"), "activity")).containsExactlyInAnyOrderElementsOf(logged.subList(4, 7));
        assertThat(api.get(rep, "/api/v1/timeline?recordType=contact&recordId=" + contact + "&kind=gossip")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/timeline?recordType=contact&recordId=" + contact + "&limit=0")).hasStatus(400);
    }

    private List<String> kindsAndTypes(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        List<String> found = new ArrayList<>();
        api.body(result).get("items").forEach(i -> found.add(i.get("kind").asString() + ":" + i.get("type").asString()));
        return found;
    }

    private static void assertNewestFirst(JsonNode items) {
        Instant previous = Instant.MAX;
        for (JsonNode item : items) {
            Instant at = Instant.parse(item.get("at").asString());
            assertThat(at).isBeforeOrEqualTo(previous);
            previous = at;
        }
    }
}

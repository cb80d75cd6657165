package io.kervan.activities;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
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

/** Logging activities on several records, their lastActivityAt, a lead's first response, visibility and input checks. */
@IntegrationTest
class ActivityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    ActivityApi api;
    TestUsers.TestUser rep;
    TestUsers.TestUser stranger;

    @BeforeEach
    void users() {
        api = new ActivityApi(mvc, json);
        TestUsers users = new TestUsers(context);
        rep = users.create(Role.SALES_REP, null);
        stranger = users.create(Role.SALES_REP, null);
    }

    @Test
    void oneMeetingLinkedToADealItsCompanyAndTwoContactsIsOnEachTimeline() {
        String company = api.company(rep, "Anadolu Makine " + UUID.randomUUID());
        String ayse = api.contact(rep, "Ayşe", company);
        String mehmet = api.contact(rep, "Mehmet", null);
        String deal = api.deal(rep, "Pres hattı", company);
        String meeting = api.log(rep, """
                {"type": "meeting", "subject": "Teklif görüşmesi", "startAt": "2026-05-04T07:00:00Z",
                 "endAt": "2026-05-04T08:00:00Z", "location": "Bursa",
                 "links": [%s, %s, %s, %s]}""".formatted(link("deal", deal), link("company", company),
                link("contact", ayse), link("contact", mehmet)));

        assertThat(api.get(rep, "/api/v1/activities/" + meeting)).hasStatusOk().bodyJson()
                .extractingPath("$.links[*].recordId").asArray().containsExactly(deal, company, ayse, mehmet);
        for (String[] record : List.of(new String[] {"deal", deal}, new String[] {"company", company},
                new String[] {"contact", ayse}, new String[] {"contact", mehmet})) {
            MvcTestResult timeline = api.get(rep, "/api/v1/timeline?recordType=" + record[0] + "&recordId=" + record[1]);
            assertThat(timeline).hasStatusOk();
            // the company sees it through itself, its contact and its deal, and still lists it once
            assertThat(ids(timeline, "activity")).containsExactly(meeting);
        }
        assertThat(api.get(rep, "/api/v1/activities?recordType=contact&recordId=" + mehmet)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].id").asArray().containsExactly(meeting);
    }

    @Test
    void aCompanyTimelineShowsTheActivitiesOfItsContactsAndDealsNamingTheirRecord() {
        String company = api.company(rep, "Ege Tekstil " + UUID.randomUUID());
        String contact = api.contact(rep, "Şule", company);
        String deal = api.deal(rep, "Kumaş siparişi", company);
        String call = api.log(rep, "{\"type\": \"call\", \"outcome\": \"reached\", \"links\": [" + link("contact", contact) + "]}");
        String note = api.log(rep, "{\"type\": \"note\", \"body\": \"<p>Fiyat istedi</p>\", \"links\": [" + link("deal", deal) + "]}");

        MvcTestResult timeline = api.get(rep, "/api/v1/timeline?recordType=company&recordId=" + company + "&kind=activity");
        assertThat(ids(timeline, "activity")).containsExactly(note, call);
        JsonNode items = api.body(timeline).get("items");
        assertThat(items.get(1).get("about").get("recordId").asString()).isEqualTo(contact);
        assertThat(items.get(1).get("about").get("label").asString()).isEqualTo("Şule");
        assertThat(items.get(1).get("actorName").asString()).isEqualTo(rep.user().displayName());
        assertThat(items.get(1).get("details").get("outcome").asString()).isEqualTo("reached");
        // ...but the contact's timeline does not show the deal's note
        assertThat(ids(api.get(rep, "/api/v1/timeline?recordType=contact&recordId=" + contact), "activity"))
                .containsExactly(call);
    }

    @Test
    void everyLinkedRecordKeepsItsLastActivityAtAndAnOlderActivityDoesNotMoveItBack() {
        String company = api.company(rep, "Kuzey Lojistik " + UUID.randomUUID());
        String contact = api.contact(rep, "Oğuz", company);
        String deal = api.deal(rep, "Depo kiralama", company);
        String lead = api.lead(rep, "İpek");
        String links = String.join(", ", link("company", company), link("contact", contact), link("deal", deal),
                link("lead", lead));
        api.log(rep, "{\"type\": \"email\", \"subject\": \"Teklif\", \"occurredAt\": \"2026-04-01T10:00:00Z\", \"links\": [" + links + "]}");
        api.log(rep, "{\"type\": \"call\", \"occurredAt\": \"2026-03-01T10:00:00Z\", \"links\": [" + links + "]}");

        for (String uri : List.of("/api/v1/companies/" + company, "/api/v1/contacts/" + contact,
                "/api/v1/deals/" + deal, "/api/v1/leads/" + lead)) {
            assertThat(api.get(rep, uri)).hasStatusOk().bodyJson().extractingPath("$.lastActivityAt")
                    .isEqualTo("2026-04-01T10:00:00Z");
        }
    }

    @Test
    void aLeadsFirstResponseIsItsFirstActivityThatReachesThePersonNotANote() {
        String lead = api.lead(rep, "Deniz");
        String created = api.body(api.get(rep, "/api/v1/leads/" + lead)).get("createdAt").asString();
        api.log(rep, "{\"type\": \"note\", \"body\": \"Sıcak bir aday\", \"links\": [" + link("lead", lead) + "]}");
        assertThat(api.body(api.get(rep, "/api/v1/leads/" + lead)).get("firstResponseAt").isNull()).isTrue();

        api.log(rep, "{\"type\": \"whatsapp\", \"body\": \"Merhaba\", \"occurredAt\": \"2099-01-01T00:00:00Z\", \"links\": ["
                + link("lead", lead) + "]}");
        String first = api.body(api.get(rep, "/api/v1/leads/" + lead)).get("firstResponseAt").asString();
        assertThat(java.time.Instant.parse(first)).isAfterOrEqualTo(java.time.Instant.parse(created))
                .isBefore(java.time.Instant.parse("2099-01-01T00:00:00Z"));

        api.log(rep, "{\"type\": \"call\", \"links\": [" + link("lead", lead) + "]}");
        assertThat(api.get(rep, "/api/v1/leads/" + lead)).bodyJson().extractingPath("$.firstResponseAt").isEqualTo(first);
    }

    @Test
    void recordsSomeoneMayNotSeeCannotBeLinkedAndTheirTimelinesAndActivitiesAreHidden() {
        String contact = api.contact(rep, "Gizli", null);
        String call = api.log(rep, "{\"type\": \"call\", \"links\": [" + link("contact", contact) + "]}");

        assertThat(api.post(stranger, "/api/v1/activities", "{\"type\": \"call\", \"links\": [" + link("contact", contact) + "]}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("links");
        assertThat(api.get(stranger, "/api/v1/timeline?recordType=contact&recordId=" + contact)).hasStatus(404);
        assertThat(api.get(stranger, "/api/v1/activities?recordType=contact&recordId=" + contact)).hasStatus(404);
        assertThat(api.get(stranger, "/api/v1/activities/" + call)).hasStatus(404);
        assertThat(api.patch(stranger, "/api/v1/activities/" + call, "{\"subject\": \"x\"}")).hasStatus(404);
    }

    @Test
    void refusesBadInputAsFieldErrorsAndCleansNotes() {
        String contact = api.contact(rep, "Tuna", null);
        String links = "[" + link("contact", contact) + "]";
        assertThat(api.post(rep, "/api/v1/activities", "{\"type\": \"fax\", \"links\": " + links + "}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("type");
        assertThat(api.post(rep, "/api/v1/activities", "{\"type\": \"call\", \"links\": []}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("links");
        assertThat(api.post(rep, "/api/v1/activities", "{\"type\": \"call\", \"links\": [{\"recordType\": \"ship\", \"recordId\": \"" + contact + "\"}]}"))
                .hasStatus(400);
        assertThat(api.post(rep, "/api/v1/activities", "{\"type\": \"call\", \"outcome\": \"maybe\", \"links\": " + links + "}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("outcome");
        assertThat(api.post(rep, "/api/v1/activities", "{\"type\": \"meeting\", \"links\": " + links + "}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("startAt");
        assertThat(api.post(rep, "/api/v1/activities", """
                {"type": "meeting", "startAt": "2026-01-02T10:00:00Z", "endAt": "2026-01-02T09:00:00Z", "links": %s}"""
                .formatted(links))).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("endAt");
        assertThat(api.post(rep, "/api/v1/activities", "{\"type\": \"call\", \"durationSeconds\": -5, \"links\": " + links + "}"))
                .hasStatus(400);
        assertThat(api.post(rep, "/api/v1/activities", "{\"type\": \"call\", \"colour\": \"red\", \"links\": " + links + "}"))
                .hasStatus(400);
        assertThat(api.get(rep, "/api/v1/timeline?recordType=contact&recordId=" + contact + "&cursor=bm9wZQ")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/timeline?recordType=contact&recordId=not-a-uuid")).hasStatus(400);

        String note = api.log(rep, """
                {"type": "note", "body": "<p onclick=\\"x()\\">Görüştük <b>iyi</b></p><script>alert(1)</script><a href=\\"javascript:alert(1)\\">a</a>",
                 "links": %s}""".formatted(links));
        String body = api.body(api.get(rep, "/api/v1/activities/" + note)).get("body").asString();
        assertThat(body).contains("<b>iyi</b>", "Görüştük").doesNotContain("script", "onclick", "javascript");
    }

    @Test
    void theLoggerChangesAndDeletesAnActivityWithTheVersionAsETag() {
        String contact = api.contact(rep, "Ece", null);
        String call = api.log(rep, "{\"type\": \"call\", \"outcome\": \"busy\", \"links\": [" + link("contact", contact) + "]}");
        MvcTestResult patched = mvc.patch().uri("/api/v1/activities/" + call).header("Authorization", rep.bearer())
                .header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .content("{\"outcome\": \"reached\", \"durationSeconds\": 300}").exchange();
        assertThat(patched).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("reached");
        assertThat(mvc.patch().uri("/api/v1/activities/" + call).header("Authorization", rep.bearer())
                .header("If-Match", "\"0\"").contentType("application/merge-patch+json").content("{}").exchange())
                .hasStatus(412);
        assertThat(mvc.delete().uri("/api/v1/activities/" + call).header("Authorization", rep.bearer()).exchange())
                .hasStatus(204);
        assertThat(api.get(rep, "/api/v1/activities/" + call)).hasStatus(404);
    }

    static List<String> ids(MvcTestResult timeline, String kind) {
        assertThat(timeline).hasStatusOk();
        List<String> ids = new ArrayList<>();
        try {
            JsonNode items = new ObjectMapper().readTree(timeline.getResponse().getContentAsString()).get("items");
            items.forEach(item -> {
                if (item.get("kind").asString().equals(kind)) {
                    ids.add(item.get("id").asString());
                }
            });
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}

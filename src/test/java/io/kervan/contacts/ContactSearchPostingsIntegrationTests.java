package io.kervan.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The contact list's one-word searches are read from the contacts' search postings (V0086). The postings must
 * follow every write that changes a contact's words, name, owner, team flag or archiving, whoever makes it, and
 * the pages read from them must be the pages the search texts give.
 */
@IntegrationTest
class ContactSearchPostingsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    ContactFixtures fixtures;
    ContactFixtures.User rep;
    TestUsers.TestUser admin;

    @BeforeEach
    void createUsers() {
        fixtures = new ContactFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
        admin = new TestUsers(context).create(Role.ADMIN, null);
    }

    /**
     * Postings that no contact's search text gives, those missing for one, and posted words missing from the
     * vocabulary: none, when they are kept right.
     */
    long postingsOutOfStep() {
        return jdbc.sql("""
                with expected as (
                    select w as word, c.sort_name, c.id, c.owner_id, c.visible_to_team, c.archived_at
                      from contacts c, contact_search_words(c.search_text) w),
                     actual as (
                    select word, sort_name, id, owner_id, visible_to_team, archived_at from contact_search_postings)
                select (select count(*) from (select * from expected except all select * from actual) missing)
                     + (select count(*) from (select * from actual except all select * from expected) extra)
                     + (select count(*) from (select word from actual except select word from contact_search_vocabulary)
                        unknown)
                """).query(Long.class).single();
    }

    long postingsOf(UUID id) {
        return jdbc.sql("select count(*) from contact_search_postings where id = :id").param("id", id)
                .query(Long.class).single();
    }

    MvcTestResult patch(String bearer, String type, UUID id, String json) {
        return mvc.patch().uri("/api/v1/" + type + "/" + id).header("Authorization", bearer)
                .contentType("application/merge-patch+json").content(json).exchange();
    }

    @Test
    void postingsFollowEveryWriteOfAContact() {
        String token = ContactFixtures.token();
        UUID company = fixtures.company(rep, "Kervansaray " + token + " A.Ş.");
        UUID id = fixtures.contact(rep, """
                {"firstName": "Çağla", "lastName": "Öztürk%s", "emails": ["cagla.%s@ornek.com.tr"],
                 "companies": [{"companyId": "%s"}]}""".formatted(token, token, company));
        assertThat(postingsOf(id)).isPositive();
        assertThat(postingsOutOfStep()).isZero();
        assertThat(words(id)).contains("cagla", "ozturk" + token, "kervansaray", token, "ornek", "com");

        assertThat(patch(rep.bearer(), "contacts", id, "{\"lastName\": \"Şahin" + token + "\"}")).hasStatusOk();
        assertThat(words(id)).contains("sahin" + token).doesNotContain("ozturk" + token);
        assertThat(postingsOutOfStep()).isZero();

        assertThat(patch(rep.bearer(), "contacts", id, "{\"visibleToTeam\": false}")).hasStatusOk();
        assertThat(postingsOutOfStep()).isZero();

        assertThat(patch(rep.bearer(), "companies", company, "{\"name\": \"Yeniad " + token + "\"}")).hasStatusOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(words(id)).contains("yeniad"));
        assertThat(words(id)).doesNotContain("kervansaray");
        assertThat(postingsOutOfStep()).isZero();

        assertThat(mvc.delete().uri("/api/v1/contacts/" + id).header("Authorization", rep.bearer())).hasStatus(204);
        assertThat(jdbc.sql("select count(*) from contact_search_postings where id = :id and archived_at is null")
                .param("id", id).query(Long.class).single()).isZero();
        assertThat(postingsOutOfStep()).isZero();

        // Import undo removes the rows it created; any writer's delete takes the postings along.
        jdbc.sql("delete from contact_companies where contact_id = :id").param("id", id).update();
        jdbc.sql("delete from contact_emails where contact_id = :id").param("id", id).update();
        jdbc.sql("delete from contacts where id = :id").param("id", id).update();
        assertThat(postingsOf(id)).isZero();
        assertThat(postingsOutOfStep()).isZero();
    }

    List<String> words(UUID id) {
        return jdbc.sql("select word from contact_search_postings where id = :id").param("id", id)
                .query(String.class).list();
    }

    /** Every page of the list's search for {@code query}, as ids, read with {@code bearer} in pages of {@code size}. */
    List<String> allPages(String bearer, String query, String sort, int size) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = mvc.get().uri("/api/v1/contacts").param("q", query).param("limit", String.valueOf(size))
                    .param("sort", sort).header("Authorization", bearer);
            if (cursor != null) {
                request = request.param("cursor", cursor);
            }
            String body = body(request.exchange());
            ids.addAll(JsonPath.read(body, "$.items[*].id"));
            assertThat(ids).as("pages that do not move on").hasSizeLessThan(1_000);
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        return ids;
    }

    static String body(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unarchived contacts whose search text contains {@code word}, owned by {@code owner} if given, by name. */
    List<String> searchTextMatches(String word, UUID owner, boolean descending) {
        String direction = descending ? " desc" : "";
        return jdbc.sql("select id from contacts where strpos(search_text, :word) > 0 and archived_at is null"
                        + " and (cast(:owner as uuid) is null or owner_id = :owner)"
                        + " order by sort_name" + direction + ", id" + direction)
                .param("word", word).param("owner", owner).query(String.class).list();
    }

    /**
     * Names that put the searched letters first, last, inside other words, in the e-mail address and in a company's
     * name, some archived and some another owner's: the admin's and the sales rep's pages, in both directions and at
     * several lengths, are exactly the contacts whose search texts contain the letters.
     */
    @Test
    void aSearchPageFromThePostingsIsTheSearchTextsPage() {
        String token = ContactFixtures.token().substring(0, 5);
        ContactFixtures.User other = fixtures.user(Role.SALES_REP);
        UUID company = fixtures.company(rep, "Lojistik" + token + " Ltd.");
        String[] firsts = {"Zeynep", "Ahmet", "Şule", "Ömer", "Can"};
        for (int i = 0; i < 30; i++) {
            String first = firsts[i % firsts.length];
            String json = switch (i % 5) {
                case 0 -> "{\"firstName\": \"%s%s\", \"lastName\": \"Kaya\"}".formatted(token, first);
                case 1 -> "{\"firstName\": \"%s\", \"lastName\": \"Ak%s\"}".formatted(first, token);
                case 2 -> "{\"firstName\": \"%s\", \"emails\": [\"x.%s@ornek.com\"]}".formatted(first, token);
                case 3 -> "{\"firstName\": \"%s\", \"companies\": [{\"companyId\": \"%s\"}]}".formatted(first, company);
                default -> "{\"firstName\": \"%s\", \"lastName\": \"%s%d\"}".formatted(first, token.substring(1), i);
            };
            // The other rep cannot see the company, so its contacts are all the rep's.
            UUID id = fixtures.contact(i % 3 == 0 && i % 5 != 3 ? other : rep, json);
            if (i % 7 == 0) {
                assertThat(mvc.delete().uri("/api/v1/contacts/" + id).header("Authorization", admin.bearer()))
                        .hasStatus(204);
            }
        }
        String word = token.substring(1);
        assertThat(searchTextMatches(word, null, false)).hasSizeGreaterThan(20);
        for (int size : new int[] {1, 4, 50}) {
            assertThat(allPages(admin.bearer(), word, "name", size)).isEqualTo(searchTextMatches(word, null, false));
            assertThat(allPages(admin.bearer(), word, "-name", size)).isEqualTo(searchTextMatches(word, null, true));
            assertThat(allPages(rep.bearer(), word, "name", size)).isEqualTo(searchTextMatches(word, rep.id(), false));
            assertThat(allPages(rep.bearer(), word, "-name", size)).isEqualTo(searchTextMatches(word, rep.id(), true));
        }
        assertThat(allPages(admin.bearer(), token, "name", 4)).isEqualTo(searchTextMatches(token, null, false));
    }
}

package io.kervan.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ContactImports#importBatch}: the rules of {@link ContactService} for every item of a batch, each
 * refusal answered for its item alone, and the stored contact the same as the service would store.
 */
@IntegrationTest
class ContactImportsBatchIntegrationTests {

    @Autowired
    ContactImports imports;

    @Autowired
    ContactService contacts;

    @Autowired
    BackgroundUser backgroundUser;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    static ContactDraft draft(String first, String email, String phone, UUID owner) {
        return new ContactDraft(first, "Şahin", null, List.of(email), phone == null ? List.of() : List.of(phone),
                List.of(), null, "İzmir", null, List.of(), null, owner, null);
    }

    @Test
    void refusesEachItemAloneAndStoresTheOthersAsTheServiceWould() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser rep = users.create(Role.SALES_REP, users.team(null).id());
        TestUsers.TestUser stranger = users.create(Role.SALES_REP, users.team(null).id());
        String token = ContactFixtures.token();
        ContactDetails hidden = backgroundUser.runAs(stranger.id(),
                () -> contacts.create(draft("Gizli", "gizli." + token + "@example.com", null, null)));
        ContactDetails own = backgroundUser.runAs(rep.id(),
                () -> contacts.create(draft("Kendi", "kendi." + token + "@example.com", null, null)));
        ContactDetails twin = backgroundUser.runAs(rep.id(),
                () -> contacts.create(draft("İkiz", "ikiz." + token + "@example.com", "0532 111 22 33", null)));

        List<BatchResult> results = backgroundUser.runAs(rep.id(), () -> imports.importBatch(List.of(
                new ContactImports.BatchItem(draft("İkiz", "IKIZ." + token + "@example.com", "0532 111 22 33", null),
                        null, "ext-" + token),
                new ContactImports.BatchItem(draft("Başkasının", "b." + token + "@example.com", null, stranger.id()),
                        null, null),
                new ContactImports.BatchItem(draft("Gizli", "gizli." + token + "@example.com", null, null),
                        new ImportMatch(hidden.id(), hidden.version()), null),
                new ContactImports.BatchItem(draft("Eski", "kendi." + token + "@example.com", null, null),
                        new ImportMatch(own.id(), own.version() + 5), null),
                new ContactImports.BatchItem(draft("", "bos." + token + "@example.com", null, null), null, null),
                new ContactImports.BatchItem(draft("Yeni", "kendi." + token + "@example.com", null, null),
                        new ImportMatch(own.id(), own.version()), null))));

        assertThat(results).hasSize(6);
        assertThat(results.get(0).written().version()).isZero();
        assertThat(results.get(1).refusal()).isInstanceOf(InvalidInputException.class);
        assertThat(results.get(2).refusal()).isInstanceOf(RecordNotFoundException.class);
        assertThat(results.get(3).refusal()).isInstanceOf(StaleVersionException.class);
        assertThat(results.get(4).refusal()).isInstanceOf(InvalidInputException.class);
        assertThat(results.get(5).written()).isEqualTo(new ImportMatch(own.id(), own.version() + 1));

        UUID created = results.get(0).written().id();
        ContactDetails stored = backgroundUser.runAs(rep.id(), () -> contacts.get(created));
        assertThat(stored.emails()).containsExactly("ikiz." + token + "@example.com");
        assertThat(stored.phones()).containsExactly("+905321112233");
        assertThat(stored.ownerId()).isEqualTo(rep.id());
        assertThat(stored.externalId()).isEqualTo("ext-" + token);
        assertThat(derived(created)).isEqualTo(derived(twin.id()));
        assertThat(backgroundUser.runAs(rep.id(), () -> contacts.get(own.id())).firstName()).isEqualTo("Yeni");
        assertThat(backgroundUser.runAs(stranger.id(), () -> contacts.get(hidden.id())).version())
                .isEqualTo(hidden.version());
    }

    /** search_text and sort_name, as ContactRules derives them. */
    String derived(UUID id) {
        return jdbc.sql("select search_text || '|' || sort_name from contacts where id = :id").param("id", id)
                .query(String.class).single();
    }
}

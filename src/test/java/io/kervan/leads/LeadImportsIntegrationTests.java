package io.kervan.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Role;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.imports.ImportMatch;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link LeadImports} on top of {@link OwnedImportedRecords}: matches found on the module's own conditions,
 * and undo deleting only what the signed-in user may change and only while it is as the import left it.
 */
@IntegrationTest
class LeadImportsIntegrationTests {

    @Autowired
    LeadImports imports;

    @Autowired
    LeadService leads;

    @Autowired
    BackgroundUser backgroundUser;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private static LeadDraft draft(String email, boolean visibleToTeam) {
        return new LeadDraft("Ayşe", "Yılmaz", null, null, email, null, null, null, null, null, null, visibleToTeam);
    }

    private boolean stored(UUID id) {
        return jdbc.sql("select count(*) from leads where id = :id").param("id", id).query(Integer.class).single() == 1;
    }

    @Test
    void findsTheLeadsAKeyMatchesOnItsNormalisedValue() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser rep = users.create(Role.SALES_REP, users.team(null).id());
        String email = "eslesen." + UUID.randomUUID() + "@example.com";
        LeadDetails lead = backgroundUser.runAs(rep.id(), () -> leads.create(draft(email, false)));

        assertThat(backgroundUser.runAs(rep.id(), () -> imports.findForImport("email", "  " + email.toUpperCase())))
                .containsExactly(new ImportMatch(lead.id(), lead.version()));
        assertThat(backgroundUser.runAs(rep.id(), () -> imports.findForImport("email", "yok." + email))).isEmpty();
        assertThatThrownBy(() -> imports.findForImport("name", "Ayşe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void undoDeletesOnlyAnUnchangedLeadTheUserMayChange() {
        TestUsers users = new TestUsers(context);
        UUID teamId = users.team(null).id();
        TestUsers.TestUser rep = users.create(Role.SALES_REP, teamId);
        TestUsers.TestUser reader = users.create(Role.READ_ONLY, teamId);
        TestUsers.TestUser stranger = users.create(Role.SALES_REP, users.team(null).id());
        LeadDetails lead = backgroundUser.runAs(rep.id(),
                () -> leads.create(draft("geri." + UUID.randomUUID() + "@example.com", true)));

        assertThatThrownBy(() -> backgroundUser.runAs(stranger.id(),
                () -> imports.deleteImported(lead.id(), lead.version()))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> backgroundUser.runAs(reader.id(),
                () -> imports.deleteImported(lead.id(), lead.version())))
                .isInstanceOf(NotAllowedException.class).hasMessage("You may see this lead but not change it");
        assertThatThrownBy(() -> backgroundUser.runAs(rep.id(),
                () -> imports.deleteImported(UUID.randomUUID(), 0))).isInstanceOf(RecordNotFoundException.class);
        assertThat(backgroundUser.runAs(rep.id(), () -> imports.deleteImported(lead.id(), lead.version() + 1)))
                .isFalse();
        assertThat(stored(lead.id())).isTrue();

        assertThat(backgroundUser.runAs(rep.id(), () -> imports.deleteImported(lead.id(), lead.version()))).isTrue();
        assertThat(stored(lead.id())).isFalse();
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                select actor_id from audit_events where record_type = 'lead' and record_id = :id and action = 'DELETED'""")
                .param("id", lead.id()).query(UUID.class).list()).containsExactly(rep.id()));
    }
}

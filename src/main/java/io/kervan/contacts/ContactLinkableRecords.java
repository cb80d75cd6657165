package io.kervan.contacts;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.records.LinkableRecords;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts as records that activities and tasks link to, under the contacts' own visibility rule;
 * a company's children are its contacts the signed-in user may see.
 */
@Component
class ContactLinkableRecords implements LinkableRecords {

    private final JdbcClient jdbc;
    private final Visibility visibility;

    ContactLinkableRecords(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public RecordType type() {
        return RecordType.CONTACT;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LinkedRecord> findVisible(UUID id) {
        VisibilityScope scope = visibility.current();
        return jdbc.sql("select id, first_name, last_name, owner_id, visible_to_team from contacts where id = :id")
                .param("id", id)
                .query((rs, n) -> scope.canView(rs.getObject("owner_id", UUID.class), rs.getBoolean("visible_to_team"))
                        ? new LinkedRecord(new RecordRef(RecordType.CONTACT, id),
                                name(rs.getString("first_name"), rs.getString("last_name")),
                                rs.getObject("owner_id", UUID.class), scope.canEdit(rs.getObject("owner_id", UUID.class)))
                        : null)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, LinkedRecord> describe(Collection<UUID> ids) {
        Map<UUID, LinkedRecord> described = new HashMap<>();
        if (ids.isEmpty()) {
            return described;
        }
        jdbc.sql("select id, first_name, last_name, owner_id from contacts where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new LinkedRecord(new RecordRef(RecordType.CONTACT, rs.getObject("id", UUID.class)),
                        name(rs.getString("first_name"), rs.getString("last_name")),
                        rs.getObject("owner_id", UUID.class), false))
                .list().forEach(record -> described.put(record.ref().id(), record));
        return described;
    }

    /** A company's contacts that the signed-in user may see, archived ones included (their history stays). */
    @Override
    @Transactional(readOnly = true)
    public List<RecordRef> childrenOf(RecordRef parent, int limit) {
        if (parent.type() != RecordType.COMPANY) {
            return List.of();
        }
        VisibilityScope scope = visibility.current();
        return jdbc.sql("""
                select c.id from contact_companies cc join contacts c on c.id = cc.contact_id
                 where cc.company_id = :companyId and %s
                 order by c.id limit :limit""".formatted(scope.sqlPredicate("c")))
                .params(scope.sqlParameters()).param("companyId", parent.id()).param("limit", limit)
                .query((rs, n) -> new RecordRef(RecordType.CONTACT, rs.getObject("id", UUID.class))).list();
    }

    private static String name(String first, String last) {
        return last == null ? first : first + " " + last;
    }
}

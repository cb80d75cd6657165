package io.kervan.contacts;

import io.kervan.identity.OwnedRecordLinks;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts as records that activities and tasks link to, under the contacts' own visibility rule;
 * a company's children are its contacts the signed-in user may see.
 */
@Component
class ContactLinkableRecords extends OwnedRecordLinks {

    ContactLinkableRecords(JdbcClient jdbc, Visibility visibility) {
        super(RecordType.CONTACT, "contacts", "first_name, last_name",
                rs -> name(rs.getString("first_name"), rs.getString("last_name")), jdbc, visibility);
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

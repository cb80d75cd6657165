package io.kervan.deals;

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

/** Deals as records that activities and tasks link to, under the deals' own visibility rule; a
 * company's children are its deals the signed-in user may see. */
@Component
class DealLinkableRecords extends OwnedRecordLinks {

    DealLinkableRecords(JdbcClient jdbc, Visibility visibility) {
        super(RecordType.DEAL, "deals", "title", rs -> rs.getString("title"), jdbc, visibility);
    }

    /** A company's deals that the signed-in user may see, closed and archived ones included. */
    @Override
    @Transactional(readOnly = true)
    public List<RecordRef> childrenOf(RecordRef parent, int limit) {
        if (parent.type() != RecordType.COMPANY) {
            return List.of();
        }
        VisibilityScope scope = visibility.current();
        return jdbc.sql("select d.id from deals d where d.company_id = :companyId and %s order by d.id limit :limit"
                        .formatted(scope.sqlPredicate("d")))
                .params(scope.sqlParameters()).param("companyId", parent.id()).param("limit", limit)
                .query((rs, n) -> new RecordRef(RecordType.DEAL, rs.getObject("id", UUID.class))).list();
    }
}

package io.kervan.leads;

import io.kervan.identity.OwnedRecordLinks;
import io.kervan.identity.Visibility;
import io.kervan.shared.records.RecordType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Leads as records that activities and tasks link to, under the leads' own visibility rule. */
@Component
class LeadLinkableRecords extends OwnedRecordLinks {

    LeadLinkableRecords(JdbcClient jdbc, Visibility visibility) {
        super(RecordType.LEAD, "leads", "first_name, last_name, company_name",
                rs -> LeadRules.displayName(rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("company_name")),
                jdbc, visibility);
    }
}

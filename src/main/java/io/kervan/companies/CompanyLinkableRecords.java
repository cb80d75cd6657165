package io.kervan.companies;

import io.kervan.identity.OwnedRecordLinks;
import io.kervan.identity.Visibility;
import io.kervan.shared.records.RecordType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Companies as records that activities and tasks link to, under the companies' own visibility rule. */
@Component
class CompanyLinkableRecords extends OwnedRecordLinks {

    CompanyLinkableRecords(JdbcClient jdbc, Visibility visibility) {
        super(RecordType.COMPANY, "companies", "name", rs -> rs.getString("name"), jdbc, visibility);
    }
}

package io.kervan.search;

import io.kervan.shared.records.RecordType;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One record found by the global search, reduced to what a result line shows. Fields that do not apply to
 * the record type are {@code null}: {@code company} is a contact's primary company, a lead's company name
 * or a deal's company; {@code value} and {@code currency} are a deal's; {@code status} is a lead's or a
 * deal's status key.
 */
public record SearchHit(RecordType type, UUID id, String title, String company, String email, String phone,
        BigDecimal value, String currency, String status, boolean archived) {

    /** The record's page in the application. */
    public String pagePath() {
        return type.pagePath(id);
    }

    /** The record in the REST API. */
    public String apiPath() {
        return "/api/v1/" + type.resource() + "/" + id;
    }
}

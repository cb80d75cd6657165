package io.kervan.companies;

import io.kervan.shared.records.ActivityLogged;
import io.kervan.shared.records.RecordType;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps each company's {@code lastActivityAt}, in the transaction that logged the activity. */
@Component
class CompanyActivities {

    private final CompanyRepository companies;

    CompanyActivities(CompanyRepository companies) {
        this.companies = companies;
    }

    @EventListener
    void on(ActivityLogged event) {
        List<UUID> ids = event.idsOf(RecordType.COMPANY);
        if (!ids.isEmpty()) {
            companies.touchActivity(ids, event.at());
        }
    }
}

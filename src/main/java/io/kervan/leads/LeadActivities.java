package io.kervan.leads;

import io.kervan.shared.records.ActivityLogged;
import io.kervan.shared.records.RecordType;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each lead's {@code lastActivityAt}, and sets its first-response time from the first activity
 * that reaches the person (any type but a note, which is written for colleagues), in the transaction
 * that logged the activity.
 */
@Component
class LeadActivities {

    private final LeadRepository repository;
    private final LeadService leads;

    LeadActivities(LeadRepository repository, LeadService leads) {
        this.repository = repository;
        this.leads = leads;
    }

    @EventListener
    void on(ActivityLogged event) {
        List<UUID> ids = event.idsOf(RecordType.LEAD);
        if (ids.isEmpty()) {
            return;
        }
        repository.touchActivity(ids, event.at());
        if (event.reachesTheCustomer()) {
            ids.forEach(id -> leads.recordFirstResponse(id, event.at()));
        }
    }
}

package io.kervan.deals;

import io.kervan.shared.records.ActivityLogged;
import io.kervan.shared.records.RecordType;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each deal's {@code lastActivityAt}, and with it when the deal turns stale, in the transaction
 * that logged the activity.
 */
@Component
class DealActivities {

    private final DealRepository deals;

    DealActivities(DealRepository deals) {
        this.deals = deals;
    }

    @EventListener
    void on(ActivityLogged event) {
        List<UUID> ids = event.idsOf(RecordType.DEAL);
        if (!ids.isEmpty()) {
            deals.touchActivity(ids, event.at());
        }
    }
}

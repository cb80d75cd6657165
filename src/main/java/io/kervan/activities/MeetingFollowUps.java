package io.kervan.activities;

import io.kervan.shared.records.PlannedFollowUps;
import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A meeting linked to the record and starting later is a planned next step (the deals' stage gate). */
@Component
class MeetingFollowUps implements PlannedFollowUps {

    private final ActivityRepository activities;

    MeetingFollowUps(ActivityRepository activities) {
        this.activities = activities;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasPlannedFollowUp(RecordRef record, Instant now) {
        return activities.hasMeetingAfter(record, now);
    }
}

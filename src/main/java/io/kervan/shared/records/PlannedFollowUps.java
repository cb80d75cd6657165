package io.kervan.shared.records;

import java.time.Instant;

/**
 * Answers whether a next step is planned for a record — an open task, a future meeting. The
 * pipeline's "a next activity must be planned" gate asks every implementation.
 */
public interface PlannedFollowUps {

    boolean hasPlannedFollowUp(RecordRef record, Instant now);
}

package io.kervan.shared.records;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A module's contribution to users' private calendar feeds: activities give meetings, tasks give
 * dated tasks. The feed asks every source and writes iCalendar.
 */
public interface CalendarEventSource {

    /** The events on {@code userId}'s own calendar that start in [{@code from}, {@code to}). */
    List<CalendarEvent> eventsFor(UUID userId, Instant from, Instant to);
}

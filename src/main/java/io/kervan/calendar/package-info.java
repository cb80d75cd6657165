/**
 * Each user's private iCalendar feed (RFC 5545): a secret URL, revocable, that calendar apps
 * subscribe to. The events come from every {@link io.kervan.shared.records.CalendarEventSource}
 * (meetings, dated tasks). Owns {@code calendar_feeds}, which keeps only a hash of each token.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package io.kervan.calendar;

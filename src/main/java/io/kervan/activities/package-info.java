/**
 * Activities and the customer timeline: calls, meetings, e-mails, notes and WhatsApp messages logged
 * by hand, each linked to one or more records of any module (contact, company, lead, deal) through
 * {@link io.kervan.shared.records.RecordRef}s. Owns the {@code activities} and {@code activity_links}
 * tables and never reads a record module's tables: records are checked and named through the
 * {@link io.kervan.shared.records.LinkableRecords} each record module provides.
 *
 * <p>Publishes {@link io.kervan.shared.records.ActivityLogged} so record modules keep their own
 * {@code lastActivityAt} (and leads their first response). Assembles record timelines from every
 * {@link io.kervan.shared.records.TimelineSource} (its own activities, tasks, deal stage changes,
 * audit events), answers the deals' "next activity planned" gate for future meetings
 * ({@link io.kervan.shared.records.PlannedFollowUps}) and gives users' calendar feeds their meetings
 * ({@link io.kervan.shared.records.CalendarEventSource}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package io.kervan.activities;

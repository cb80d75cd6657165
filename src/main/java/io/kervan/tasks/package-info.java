/**
 * Tasks: follow-ups with a due time, priority, assignee, reminder and links to any records; the
 * "My work" and team views, the tasks panel on record pages, task entries on record timelines
 * ({@link io.kervan.shared.records.TimelineSource}), open tasks as planned follow-ups for the
 * pipeline gate ({@link io.kervan.shared.records.PlannedFollowUps}) and dated tasks in calendar feeds
 * ({@link io.kervan.shared.records.CalendarEventSource}). Reminders are db-scheduler jobs; assignment
 * and reminders notify through {@link io.kervan.notifications.Notifications}. Owns {@code tasks} and
 * {@code task_links}; reaches linked records only through {@link io.kervan.shared.records.LinkableRecords}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package io.kervan.tasks;

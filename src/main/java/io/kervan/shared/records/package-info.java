/**
 * Generic references to records of any module and the extension points through which activities,
 * tasks and the timeline work with records they do not own: each record module describes its own
 * records ({@link io.kervan.shared.records.LinkableRecords}), contributes to timelines
 * ({@link io.kervan.shared.records.TimelineSource}) and answers whether a follow-up is planned
 * ({@link io.kervan.shared.records.PlannedFollowUps}). No module reads another module's tables.
 */
package io.kervan.shared.records;

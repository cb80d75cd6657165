/**
 * Deals: pipelines with ordered open stages (plus the terminal Won and Lost every pipeline has),
 * stage gates (fields a deal must have to enter a stage, optionally a planned next step), lost
 * reasons, deals with visibility like companies, the stage history every move writes, stale deals
 * and the kanban board.
 *
 * <p>Owns the tables {@code pipelines}, {@code pipeline_stages}, {@code lost_reasons}, {@code deals},
 * {@code deal_contacts} and {@code deal_stage_history}. Publishes {@link io.kervan.shared.RecordChanged}
 * for deals ({@code deal}) and pipelines ({@code pipeline}). Module API: {@link io.kervan.deals.DealService},
 * {@link io.kervan.deals.PipelineService} and their view records.
 *
 * <p>"A next activity must be planned" asks every {@link io.kervan.shared.records.PlannedFollowUps}
 * (a future meeting, an open task linked to the deal). {@code lastActivityAt}, and with it when a deal
 * turns stale, follows {@link io.kervan.shared.records.ActivityLogged}. Deals are linkable records
 * ({@code DealLinkableRecords}) and give timelines their stage moves ({@code DealStageTimelineSource}).
 * Board totals convert to the reporting currency with the products module's dated exchange rates
 * ({@link io.kervan.products.RateTable}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deals")
package io.kervan.deals;

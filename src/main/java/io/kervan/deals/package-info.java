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
 * <p>Until the activities and tasks modules exist, "a next activity must be planned" is satisfied by the
 * deal's own {@code nextStepAt} lying in the future, and {@code lastActivityAt} stays empty unless
 * {@link io.kervan.deals.DealService#recordActivity} is called. Board totals convert to TRY through
 * {@code DealCurrencyConverter}, which knows only TRY until the products module's exchange rates replace it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deals")
package io.kervan.deals;

-- The kanban board reads each column on its own (the latest cards of an open stage, the deals won or lost
-- in the last 30 days) and sums the columns. These two indexes serve both: the cards as an ordered range
-- scan per column, the sums as an index-only scan (the included columns are all the sums and the
-- visibility check read), so a pipeline with a hundred thousand open deals never reads the table for totals.
create index deals_board_open_idx on deals (pipeline_id, stage_id, stage_entered_at desc, id)
    include (currency, value, owner_id, visible_to_team)
    where status = 'open' and archived_at is null;
create index deals_board_closed_idx on deals (pipeline_id, status, closed_at desc, id)
    include (currency, value, owner_id, visible_to_team)
    where status <> 'open' and archived_at is null;

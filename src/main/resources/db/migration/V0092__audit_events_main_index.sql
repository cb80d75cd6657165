-- The timeline shows a record's main audit events only (created, owner changed, converted, won, lost;
-- AuditTimelineSource.MAIN_EVENTS). Read through audit_events_record_idx, it tested every event of the record: a
-- contact edited 2,600 times (the benchmark's update scenario, over many runs) took 188 ms for its timeline's events,
-- and any record synced often through the API would slow down the same way. This index holds the main events alone.
-- Its predicate is MAIN_EVENTS without the alias, word for word, so that the planner sees the query implies it.
create index audit_events_main_idx on audit_events (record_type, record_id, occurred_at desc, id desc)
 where (action = 'CREATED' or changes @> '[{"field": "ownerId"}]' or changes @> '[{"field": "convertedAt"}]'
        or changes @> '[{"field": "status", "newValue": "won"}]'
        or changes @> '[{"field": "status", "newValue": "lost"}]');

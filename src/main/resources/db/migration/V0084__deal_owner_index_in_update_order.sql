-- As V0083 did for contacts and companies: a user who sees some owners' deals (a sales rep) finds the global
-- search's few deal hits by walking each visible owner's deals in the order of updates (DealQueries.list), so the
-- owner index is in that order and carries the columns the search filters on. It replaces the owner-only index,
-- which served the same lookups by owner.
drop index deals_owner_idx;
create index deals_owner_idx on deals (owner_id, updated_at, id)
    include (archived_at, visible_to_team, search_text);

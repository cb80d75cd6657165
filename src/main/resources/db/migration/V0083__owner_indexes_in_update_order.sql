-- A user who sees only some owners' records (a sales rep: their own and their team's) finds a short page of
-- search hits, as the global search asks for, by walking each visible owner's records in the order of updates
-- and merging the walks (KeysetQuery.ownerRanges), instead of walking every record and skipping the others'.
-- So the owner indexes are in that order and carry the columns a page is filtered on, which makes each owner's
-- walk an index-only scan, as V0077 did for the update order. Each replaces the narrower owner index, which
-- served the same lookups by owner.
drop index contacts_owner_idx;
create index contacts_owner_idx on contacts (owner_id, updated_at, id)
    include (archived_at, visible_to_team, search_text);
drop index companies_owner_idx;
create index companies_owner_idx on companies (owner_id, updated_at, id)
    include (archived_at, visible_to_team, search_text);

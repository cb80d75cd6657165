-- The global search lists each record type's matches most recently updated first (GlobalSearch.ORDER, ADR 10).
-- Finding a page of matches in that order walks the update index testing each entry's search text and
-- visibility; with those columns in the index the walk is an index-only scan, as for the name order (V0070).
-- A word's matches are spread evenly over the order of updates, so the walk for a handful of hits is short
-- even for a common word. Each index replaces the narrow (updated_at, id) one, which served the same sorts.
drop index contacts_updated_idx;
create index contacts_updated_idx on contacts (updated_at, id)
    include (archived_at, owner_id, visible_to_team, search_text);
drop index companies_updated_idx;
create index companies_updated_idx on companies (updated_at, id)
    include (archived_at, owner_id, visible_to_team, search_text);

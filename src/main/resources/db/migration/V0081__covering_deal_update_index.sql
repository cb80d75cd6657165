-- The global search lists a record type's matches most recently updated first (ADR 10), and the deal list pages
-- in that order by default. As for contacts and companies (V0077), the update order's index carries the columns a
-- page is filtered on, so a search walks it as an index-only scan and reads the rows of the page's deals only
-- (DealQueries.list selects the page's ids first). It replaces the narrow (updated_at, id) index, which served
-- the same sorts.
drop index deals_updated_idx;
create index deals_updated_idx on deals (updated_at, id)
    include (archived_at, owner_id, visible_to_team, search_text);

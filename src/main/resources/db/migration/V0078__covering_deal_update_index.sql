-- The deal list now pages through KeysetQuery like the contact and company lists, so the global search's deal
-- section (most recently updated first, ADR 10) walks the update index; with the search text and visibility
-- columns in it, as V0077 did for contacts and companies, that walk is index-only.
drop index deals_updated_idx;
create index deals_updated_idx on deals (updated_at, id)
    include (archived_at, owner_id, visible_to_team, search_text);

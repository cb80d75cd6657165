-- Searching a list sorted by name walks the name index until a page of matches is found; for a word
-- that 1–2 % of contacts contain that is a few thousand entries. Reading each entry's row from the table
-- to test search_text and visibility made that 100–250 ms at a million contacts; with those columns in
-- the index the walk is an index-only scan of a few milliseconds (KeysetQuery selects the page's ids
-- first, then their rows). search_text is capped at 2,000 bytes (SearchQuery.searchText) to stay far
-- below the B-tree's entry size limit.
drop index contacts_sort_name_idx;
create index contacts_sort_name_idx on contacts (sort_name, id)
    include (archived_at, owner_id, visible_to_team, search_text);
drop index companies_sort_name_idx;
create index companies_sort_name_idx on companies (sort_name, id)
    include (archived_at, owner_id, visible_to_team, search_text);

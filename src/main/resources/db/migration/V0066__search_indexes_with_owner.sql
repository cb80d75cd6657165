-- A sales rep's search: the rep sees a few percent of the records (own, and teammates' shared ones), and a
-- search word matches a few percent. With the trigram index on search_text alone, PostgreSQL either walked
-- the name index testing both conditions row by row, or fetched every matching row of every owner and
-- dropped the invisible ones: hundreds of milliseconds at a million contacts. With owner_id in the same
-- GIN index (btree_gin), the index intersects "owned by one of these users" with the search words before
-- any row is read. A multicolumn GIN index serves conditions on any subset of its columns equally well,
-- so the admin's search (no owner condition) uses it as before.
create extension if not exists btree_gin;

drop index contacts_search_trgm_idx;
create index contacts_search_trgm_idx on contacts using gin (owner_id, search_text gin_trgm_ops);
drop index companies_search_trgm_idx;
create index companies_search_trgm_idx on companies using gin (owner_id, search_text gin_trgm_ops);
drop index leads_search_trgm_idx;
create index leads_search_trgm_idx on leads using gin (owner_id, search_text gin_trgm_ops);
drop index deals_search_trgm_idx;
create index deals_search_trgm_idx on deals using gin (owner_id, search_text gin_trgm_ops);

-- Indexes for the list views' common filter + sort pairs, measured at a million contacts (docs/benchmarks.md):
-- one owner's contacts by last change (the owner index gains the sort columns, so it still serves owner_id
-- lookups and visibility), and a pipeline's deals of one status by value (the deal list sorts on
-- coalesce(value, 0) as a number since this migration; it was a text rendering no index could serve).
drop index contacts_owner_idx;
create index contacts_owner_idx on contacts (owner_id, updated_at, id);
create index deals_pipeline_value_idx on deals (pipeline_id, status, (coalesce(value, 0)), id) where archived_at is null;

-- search_vector was kept for a ranked full-text search that search_words (V0061) made unnecessary: search
-- matches substrings and corrects typos against the vocabulary. Every write paid for the tsvector and its
-- index; nothing read them.
drop index contacts_search_vector_idx;
alter table contacts drop column search_vector;
drop index companies_search_vector_idx;
alter table companies drop column search_vector;
drop index leads_search_vector_idx;
alter table leads drop column search_vector;

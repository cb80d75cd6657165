-- A sales rep's contact lists and searches, sorted by name, read one range of this index per owner the rep may
-- see and merge them (KeysetQuery.rangePerOwner), instead of walking the whole name order past every other
-- team's contacts. Covering, like contacts_sort_name_idx (V0070), so a search filters without reading the table.
create index contacts_owner_sort_name_idx on contacts (owner_id, sort_name, id)
    include (archived_at, visible_to_team, search_text);

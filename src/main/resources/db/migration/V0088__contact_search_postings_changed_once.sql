-- An updated contact's postings (V0086) written as an inserted contact's are since V0087: the changed rows' new words
-- found with one split for both the postings and the vocabulary, and the rows whose held columns changed picked once
-- for both instead of twice. The old postings still go in a statement of their own, before: a data-modifying WITH
-- runs its parts in no set order, and a re-inserted key must find its old posting deleted.
create or replace function change_contact_search_postings() returns trigger language plpgsql as $$
begin
    delete from contact_search_postings p
     using old_rows o join new_rows n on n.id = o.id, contact_search_words(o.search_text) w
     where (n.search_text, n.sort_name, n.owner_id, n.visible_to_team, n.archived_at)
           is distinct from (o.search_text, o.sort_name, o.owner_id, o.visible_to_team, o.archived_at)
       and p.word = w and p.sort_name = o.sort_name and p.id = o.id;
    with posted as materialized (
        select w, n.sort_name, n.id, n.owner_id, n.visible_to_team, n.archived_at
          from new_rows n join old_rows o on o.id = n.id, contact_search_words(n.search_text) w
         where (n.search_text, n.sort_name, n.owner_id, n.visible_to_team, n.archived_at)
               is distinct from (o.search_text, o.sort_name, o.owner_id, o.visible_to_team, o.archived_at)),
    -- In word order, so that concurrent writers adding the same new words wait for each other instead of deadlocking.
    vocabulary as (
        insert into contact_search_vocabulary (word)
        select distinct w from posted order by 1
        on conflict do nothing)
    insert into contact_search_postings (word, sort_name, id, owner_id, visible_to_team, archived_at)
    select w, sort_name, id, owner_id, visible_to_team, archived_at from posted;
    return null;
end
$$;

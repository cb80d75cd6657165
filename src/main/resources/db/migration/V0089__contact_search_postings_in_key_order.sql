-- Postings (V0086) are inserted in the order of their primary key (word, sort_name, id). An imported batch's postings
-- arrive in contact order, each at a random place in the index; sorted, consecutive ones land on the same or the
-- next leaf pages, which are still in the CPU's cache. Inserting 5,000 contacts into the million of the benchmark's
-- data set took 1,157 / 1,152 / 1,260 ms sorted against 1,326 / 1,315 / 1,301 unsorted (alternated, psql).
create or replace function add_contact_search_postings() returns trigger language plpgsql as $$
begin
    with posted as materialized (
        select w, r.sort_name, r.id, r.owner_id, r.visible_to_team, r.archived_at
          from new_rows r, contact_search_words(r.search_text) w),
    -- In word order, so that concurrent writers adding the same new words wait for each other instead of deadlocking.
    vocabulary as (
        insert into contact_search_vocabulary (word)
        select distinct w from posted order by 1
        on conflict do nothing)
    insert into contact_search_postings (word, sort_name, id, owner_id, visible_to_team, archived_at)
    select w, sort_name, id, owner_id, visible_to_team, archived_at from posted order by 1, 2, 3;
    return null;
end
$$;

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
    select w, sort_name, id, owner_id, visible_to_team, archived_at from posted order by 1, 2, 3;
    return null;
end
$$;

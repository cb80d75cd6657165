-- Every word of every contact's search text, in name order: a search's page is read from the postings of the
-- words that contain the searched letters (KeysetQuery.postings), about 51 index entries per word, instead of
-- walking the name index until a page of matches turns up or collecting every match and sorting it. On a million
-- contacts a first name late in the alphabet (zeyn: 13,300 matches, 42 of them before the Zeyneps) cost a
-- 20–35 ms collect, a last name 7–16 ms; from the postings either is under a millisecond of PostgreSQL.
--
-- Exact for a search word of letters a–z only: such a word occurs in a search text exactly when it occurs in one
-- of its maximal runs of a–z, which is what a posting's word is. Runs shorter than three letters are left out, as
-- are searches for them (no trigram finds them in the vocabulary). Each posting carries what a list's conditions
-- test (owner, team flag, archived), so a page is read from this index alone.
--
-- Kept by statement-level triggers with transition tables, as search_words (V0061) is, so that every writer
-- (services, imports, COPY loads, company renames that rewrite contacts' search texts) keeps them without knowing.
-- A row's postings are rewritten only when a column they hold changes; most updates leave them alone.
create table contact_search_postings (
    word             text not null,
    sort_name        text collate "C" not null,
    id               uuid not null,
    owner_id         uuid not null,
    visible_to_team  boolean not null,
    archived_at      timestamptz
);

-- The words that postings exist for, to find those containing the searched letters. Never pruned: a word no
-- longer held by any contact only costs an empty index probe.
create table contact_search_vocabulary (
    word text primary key
);

-- The distinct words a search text posts: its maximal runs of a–z, three letters or more.
create function contact_search_words(search_text text) returns setof text language sql immutable as $$
    select distinct w from regexp_split_to_table(search_text, '[^a-z]+') w where length(w) >= 3
$$;

create function add_contact_search_postings() returns trigger language plpgsql as $$
begin
    insert into contact_search_postings (word, sort_name, id, owner_id, visible_to_team, archived_at)
    select w, r.sort_name, r.id, r.owner_id, r.visible_to_team, r.archived_at
      from new_rows r, contact_search_words(r.search_text) w;
    -- In word order, so that concurrent writers adding the same new words wait for each other instead of deadlocking.
    insert into contact_search_vocabulary (word)
    select distinct w from new_rows r, contact_search_words(r.search_text) w order by 1
    on conflict do nothing;
    return null;
end
$$;

-- A row's postings are rewritten when a column they hold changed; other updates (most) touch none of them.
create function change_contact_search_postings() returns trigger language plpgsql as $$
begin
    delete from contact_search_postings p
     using old_rows o join new_rows n on n.id = o.id, contact_search_words(o.search_text) w
     where (n.search_text, n.sort_name, n.owner_id, n.visible_to_team, n.archived_at)
           is distinct from (o.search_text, o.sort_name, o.owner_id, o.visible_to_team, o.archived_at)
       and p.word = w and p.sort_name = o.sort_name and p.id = o.id;
    insert into contact_search_postings (word, sort_name, id, owner_id, visible_to_team, archived_at)
    select w, n.sort_name, n.id, n.owner_id, n.visible_to_team, n.archived_at
      from new_rows n join old_rows o on o.id = n.id, contact_search_words(n.search_text) w
     where (n.search_text, n.sort_name, n.owner_id, n.visible_to_team, n.archived_at)
           is distinct from (o.search_text, o.sort_name, o.owner_id, o.visible_to_team, o.archived_at);
    insert into contact_search_vocabulary (word)
    select distinct w
      from new_rows n join old_rows o on o.id = n.id, contact_search_words(n.search_text) w
     where n.search_text is distinct from o.search_text
     order by 1
    on conflict do nothing;
    return null;
end
$$;

create function remove_contact_search_postings() returns trigger language plpgsql as $$
begin
    delete from contact_search_postings p
     using old_rows o, contact_search_words(o.search_text) w
     where p.word = w and p.sort_name = o.sort_name and p.id = o.id;
    return null;
end
$$;

create function clear_contact_search_postings() returns trigger language plpgsql as $$
begin
    truncate contact_search_postings;
    return null;
end
$$;

-- The contacts stored before this migration, then the index (building it once is faster than growing it).
insert into contact_search_postings (word, sort_name, id, owner_id, visible_to_team, archived_at)
select w, c.sort_name, c.id, c.owner_id, c.visible_to_team, c.archived_at
  from contacts c, contact_search_words(c.search_text) w;
insert into contact_search_vocabulary (word)
select distinct word from contact_search_postings;
alter table contact_search_postings add primary key (word, sort_name, id)
    include (owner_id, visible_to_team, archived_at);
create index contact_search_vocabulary_trgm_idx on contact_search_vocabulary using gin (word gin_trgm_ops);
analyze contact_search_postings;
analyze contact_search_vocabulary;

create trigger contacts_search_postings_insert after insert on contacts
    referencing new table as new_rows for each statement execute function add_contact_search_postings();
create trigger contacts_search_postings_update after update on contacts
    referencing old table as old_rows new table as new_rows
    for each statement execute function change_contact_search_postings();
create trigger contacts_search_postings_delete after delete on contacts
    referencing old table as old_rows for each statement execute function remove_contact_search_postings();
create trigger contacts_search_postings_truncate after truncate on contacts
    for each statement execute function clear_contact_search_postings();

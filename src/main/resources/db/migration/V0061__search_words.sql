-- The vocabulary of searchable words per record type, for typo-tolerant search (shared.SearchWords):
-- a query word that occurs in no known word is corrected to the known words one typo away, and the
-- search then matches those as substrings. Comparing a query with a vocabulary of tens of thousands of
-- words is cheap; comparing it with every record's search_text (trigram word similarity) was seconds
-- per query at a million contacts.
--
-- Kept by statement-level triggers with transition tables on every table that has a search_text, so
-- every writer (the modules' services, bulk imports, COPY loads) feeds it without knowing of it, and a
-- batch of rows costs one insert of its distinct new words. Words are never removed: a stale word only
-- costs a correction that matches nothing. E-mail addresses are left out: their local parts
-- ("ayildirim42") would flood the vocabulary with near-copies of every name, and nobody mistypes an
-- address they search for by a part of it.
create table search_words (
    scope text not null,   -- the record type: contacts, companies, leads, deals, products
    word  text not null,   -- a folded word of search_text: letters only, 4 to 40 of them
    primary key (scope, word)
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

create function remember_search_words() returns trigger language plpgsql as $$
begin
    insert into search_words (scope, word)
    select distinct tg_argv[0], w
      from new_rows r, regexp_split_to_table(r.search_text, '\s+') token, regexp_split_to_table(token, '[^[:alpha:]]+') w
     where token not like '%@%' and length(w) between 4 and 40
    on conflict do nothing;
    return null;
end
$$;

create trigger companies_search_words_insert after insert on companies
    referencing new table as new_rows for each statement execute function remember_search_words('companies');
create trigger companies_search_words_update after update on companies
    referencing new table as new_rows for each statement execute function remember_search_words('companies');
create trigger contacts_search_words_insert after insert on contacts
    referencing new table as new_rows for each statement execute function remember_search_words('contacts');
create trigger contacts_search_words_update after update on contacts
    referencing new table as new_rows for each statement execute function remember_search_words('contacts');
create trigger leads_search_words_insert after insert on leads
    referencing new table as new_rows for each statement execute function remember_search_words('leads');
create trigger leads_search_words_update after update on leads
    referencing new table as new_rows for each statement execute function remember_search_words('leads');
create trigger deals_search_words_insert after insert on deals
    referencing new table as new_rows for each statement execute function remember_search_words('deals');
create trigger deals_search_words_update after update on deals
    referencing new table as new_rows for each statement execute function remember_search_words('deals');
create trigger products_search_words_insert after insert on products
    referencing new table as new_rows for each statement execute function remember_search_words('products');
create trigger products_search_words_update after update on products
    referencing new table as new_rows for each statement execute function remember_search_words('products');

-- Words of the records stored before this migration.
insert into search_words (scope, word)
select distinct scope, w
  from (select 'companies' as scope, search_text from companies
        union all select 'contacts', search_text from contacts
        union all select 'leads', search_text from leads
        union all select 'deals', search_text from deals
        union all select 'products', search_text from products) records,
       regexp_split_to_table(search_text, '\s+') token, regexp_split_to_table(token, '[^[:alpha:]]+') w
 where token not like '%@%' and length(w) between 4 and 40;

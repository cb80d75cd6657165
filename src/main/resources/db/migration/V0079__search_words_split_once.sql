-- The words a write adds to search_words (V0061, for typo lookups), found with one split instead of two.
-- Before, each search text was split at whitespace, tokens holding an '@' (e-mail addresses) dropped, and each
-- remaining token split again at anything not a letter: two regular-expression splits per token, about 30 µs per
-- written row, a fifth of what inserting a contact costs. Now the e-mail tokens are blanked out first and the
-- text split once at non-letters, which finds the same words (whitespace is not a letter either) in about 12 µs.
create or replace function remember_search_words() returns trigger language plpgsql as $$
begin
    insert into search_words (scope, word)
    select distinct tg_argv[0], w
      from new_rows r,
           regexp_split_to_table(regexp_replace(r.search_text, '\S*@\S*', ' ', 'g'), '[^[:alpha:]]+') w
     where length(w) between 4 and 40
    on conflict do nothing;
    return null;
end
$$;

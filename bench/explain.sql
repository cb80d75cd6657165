-- contacts: search prefix 'yilm' as the admin (SearchQuery: like + word similarity, ordered by name)
explain (analyze, buffers) select c.id from contacts c
 where c.archived_at is null and (c.search_text like '%yilm%' or 'yilm' <% c.search_text)
 order by c.sort_name, c.id limit 51
;
-- contacts: search one typo 'yildirin' as the admin
explain (analyze, buffers) select c.id from contacts c
 where c.archived_at is null and (c.search_text like '%yildirin%' or 'yildirin' <% c.search_text)
 order by c.sort_name, c.id limit 51
;
-- contacts: search contains 'ldir' as the admin (short word: like only)
explain (analyze, buffers) select c.id from contacts c
 where c.archived_at is null and (c.search_text like '%ldir%' or 'ldir' <% c.search_text)
 order by c.sort_name, c.id limit 51
;
-- contacts: first page as a sales rep (visibility predicate)
explain (analyze, buffers) select c.id from contacts c
 where (c.owner_id = any(array(select id from users where email = 'rep1@bench.kervan.test'))
        or (c.visible_to_team and c.owner_id = any(array(select u.id from users u join users me on me.team_id = u.team_id
                                                          where me.email = 'rep1@bench.kervan.test' and u.id <> me.id))))
   and c.archived_at is null
 order by c.sort_name, c.id limit 51
;
-- contacts of one owner by -updatedAt (list filter + sort)
explain (analyze, buffers) select c.id from contacts c
 where c.archived_at is null and c.owner_id = (select id from users where email = 'rep2@bench.kervan.test')
 order by c.updated_at desc, c.id desc limit 51
;
-- open deals of a pipeline by -value (list filter + sort)
explain (analyze, buffers) select d.id from deals d
 where d.archived_at is null and d.status = 'open' and d.pipeline_id = (select id from pipelines order by position limit 1)
 order by lpad(to_char(coalesce(d.value, 0), 'FM0000000000000000000.0000'), 24, '0') desc, d.id desc limit 51

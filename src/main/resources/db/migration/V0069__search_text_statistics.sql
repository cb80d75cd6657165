-- How many rows a search word matches decides the plan: a common word ("yılmaz", 2 % of contacts) is
-- fastest by walking the name index until a page is full, a rare one by the trigram index. PostgreSQL
-- estimates "search_text like '%w%'" from the column's histogram; with the default 100 entries any word
-- under about 1 % looked rare, and a search for "özde" (18,000 contacts) read them all to sort them.
-- 1,000 entries tell the two cases apart down to 0.1 %.
alter table contacts alter column search_text set statistics 1000;
alter table companies alter column search_text set statistics 1000;
alter table leads alter column search_text set statistics 1000;
alter table deals alter column search_text set statistics 1000;
analyze contacts (search_text);
analyze companies (search_text);
analyze leads (search_text);
analyze deals (search_text);

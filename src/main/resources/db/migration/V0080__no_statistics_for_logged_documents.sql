-- ANALYZE samples every column, detoasting each sampled row's JSON documents: the audit trail's changes and an
-- import row's state before its update. No query filters or sorts on them (both tables are read by their indexes,
-- by record or by import), so their statistics were never used; gathering them cost a large part of the CPU that
-- autovacuum took while a big import ran, as each table is analysed again at every 10 % of growth.
alter table audit_events alter column changes set statistics 0;
alter table import_rows alter column before_state set statistics 0;

-- Trigram similarity (typo-tolerant search) and accent stripping. Both ship with PostgreSQL's contrib
-- and with the embedded binaries; on an external server the migration user needs CREATE on the database.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

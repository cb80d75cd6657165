-- Undo runs as a background job (status 'undoing'), like the import itself: a million-row import takes
-- minutes to revert, longer than an HTTP request may last. Its checkpoint is stored with each reverted
-- batch, so an undo that a crash or restart stopped resumes where it was and reverts no row twice.
alter table import_jobs
    add column undo_by         uuid references users (id),
    -- rows are reverted newest first; those at or after this row number are done
    add column undo_before_row bigint,
    add column undone_rows     bigint not null default 0;

-- What made a change besides its actor (an import: 'import:<id>'); null for a person's own edit.
alter table audit_events add column origin varchar(100);

create table import_jobs (
    id               uuid primary key,
    created_by       uuid not null references users (id),
    record_type      varchar(20) not null,
    file_name        varchar(300) not null,
    file_format      varchar(10) not null,
    file_bytes       bigint not null,
    mapping          jsonb not null,
    dry_run          boolean not null,
    status           varchar(20) not null,
    encoding         varchar(30),
    delimiter        varchar(5),
    sheet            varchar(200),
    total_rows       bigint,
    -- The checkpoint: data rows whose outcome is stored (in the same transaction as their records).
    processed_rows   bigint not null default 0,
    created_count    bigint not null default 0,
    updated_count    bigint not null default 0,
    skipped_count    bigint not null default 0,
    failed_count     bigint not null default 0,
    -- Running time summed over runs (a resumed job goes on counting), for rows per second.
    run_millis       bigint not null default 0,
    cancel_requested boolean not null default false,
    message          text,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    undone_at        timestamptz,
    -- the uploaded file this job was started from in the UI (to change the mapping after a dry run)
    upload_id        uuid references import_jobs (id) on delete set null
);
create index import_jobs_created_idx on import_jobs (created_by, created_at desc);

-- The uploaded file in 1 MB pieces: every node can read it, so a job resumes on any node.
create table import_files (
    import_id uuid not null references import_jobs (id) on delete cascade,
    chunk     int not null,
    bytes     bytea not null,
    primary key (import_id, chunk)
);

-- The outcome of every written row (created/updated), with what undo needs: the record's version after
-- the import and, for updates, its state before (as the owning module's draft).
create table import_rows (
    import_id      uuid not null references import_jobs (id) on delete cascade,
    row_number     bigint not null,
    outcome        varchar(10) not null,
    record_id      uuid,
    record_version bigint,
    match_key      text,
    before_state   jsonb,
    primary key (import_id, row_number)
);

-- Every problem of every row (and of undo): what the errors CSV lists.
create table import_problems (
    import_id   uuid not null references import_jobs (id) on delete cascade,
    row_number  bigint not null,
    column_name varchar(300),
    value       text,
    message     text not null,
    phase       varchar(10) not null default 'import'
);
create index import_problems_import_idx on import_problems (import_id, row_number);

create table import_mappings (
    id          uuid primary key,
    name        varchar(100) not null,
    record_type varchar(20) not null,
    mapping     jsonb not null,
    created_by  uuid not null references users (id),
    created_at  timestamptz not null
);
create unique index import_mappings_name_uq on import_mappings (record_type, lower(name));

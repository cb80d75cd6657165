create table audit_events (
    id           uuid primary key,
    record_type  varchar(40) not null,
    record_id    uuid not null,
    action       varchar(20) not null,
    actor_id     uuid,
    occurred_at  timestamptz not null,
    changes      jsonb not null default '[]'::jsonb
);
create index audit_events_record_idx on audit_events (record_type, record_id, occurred_at desc);

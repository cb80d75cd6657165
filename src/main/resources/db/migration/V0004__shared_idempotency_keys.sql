-- Remembers the outcome of API creates sent with an Idempotency-Key, so a retried request returns
-- the first result instead of creating a second record.
create table idempotency_keys (
    user_id         uuid not null,
    idempotency_key varchar(200) not null,
    request_hash    char(64) not null,
    response_status integer,
    resource_id     uuid,
    created_at      timestamptz not null,
    primary key (user_id, idempotency_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

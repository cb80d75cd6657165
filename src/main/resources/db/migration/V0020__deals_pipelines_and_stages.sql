-- Pipelines with ordered open stages (Won and Lost are statuses of a deal, not stage rows) and the
-- admin-defined list of lost reasons. name_tr is the optional Turkish label shown to Turkish users.
create table pipelines (
    id          uuid primary key,
    name        varchar(100) not null,
    name_tr     varchar(100),
    position    integer not null default 0,
    archived_at timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  uuid,
    updated_by  uuid,
    version     bigint not null default 0
);

create table pipeline_stages (
    id                     uuid primary key,
    pipeline_id            uuid not null references pipelines (id) on delete cascade,
    name                   varchar(100) not null,
    name_tr                varchar(100),
    position               integer not null,
    probability            smallint not null check (probability between 0 and 100),
    rotting_days           integer not null default 90 check (rotting_days between 1 and 3650),
    required_fields        text[] not null default '{}',
    requires_next_activity boolean not null default false,
    retired_at             timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    created_by             uuid,
    updated_by             uuid,
    version                bigint not null default 0
);
create index pipeline_stages_pipeline_idx on pipeline_stages (pipeline_id, position);

create table lost_reasons (
    id          uuid primary key,
    name        varchar(100) not null,
    name_tr     varchar(100),
    position    integer not null default 0,
    archived_at timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  uuid,
    updated_by  uuid,
    version     bigint not null default 0
);

insert into pipelines (id, name, name_tr, position, created_at, updated_at)
values ('01900000-0000-7000-8000-000000000001', 'New business', 'Yeni iş', 0, now(), now());

insert into pipeline_stages (id, pipeline_id, name, name_tr, position, probability, rotting_days, required_fields,
                             requires_next_activity, created_at, updated_at)
values ('01900000-0000-7000-8000-000000000011', '01900000-0000-7000-8000-000000000001', 'Qualify', 'Nitelendirme', 0, 10, 90, '{}', false, now(), now()),
       ('01900000-0000-7000-8000-000000000012', '01900000-0000-7000-8000-000000000001', 'Meeting', 'Toplantı', 1, 30, 90, '{}', false, now(), now()),
       ('01900000-0000-7000-8000-000000000013', '01900000-0000-7000-8000-000000000001', 'Proposal', 'Teklif', 2, 60, 90, '{value,expectedCloseDate}', false, now(), now()),
       ('01900000-0000-7000-8000-000000000014', '01900000-0000-7000-8000-000000000001', 'Negotiation', 'Pazarlık', 3, 80, 90, '{value,expectedCloseDate,companyId}', false, now(), now());

insert into lost_reasons (id, name, name_tr, position, created_at, updated_at)
values ('01900000-0000-7000-8000-000000000021', 'Price', 'Fiyat', 0, now(), now()),
       ('01900000-0000-7000-8000-000000000022', 'Competitor', 'Rakip', 1, now(), now()),
       ('01900000-0000-7000-8000-000000000023', 'No budget', 'Bütçe yok', 2, now(), now()),
       ('01900000-0000-7000-8000-000000000024', 'No decision', 'Karar verilmedi', 3, now(), now()),
       ('01900000-0000-7000-8000-000000000025', 'Timing', 'Zamanlama', 4, now(), now()),
       ('01900000-0000-7000-8000-000000000026', 'Product fit', 'Ürün uyumu', 5, now(), now()),
       ('01900000-0000-7000-8000-000000000027', 'Other', 'Diğer', 6, now(), now());

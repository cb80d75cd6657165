-- Lead sources: an admin-maintained list. The key is stable (used by the API and imports); the labels
-- are what people see, in English and Turkish. Sources are deactivated, never deleted, so old leads
-- keep their source.
create table lead_sources (
    id          uuid primary key,
    source_key  varchar(50) not null unique,
    label_en    varchar(100) not null,
    label_tr    varchar(100) not null,
    active      boolean not null default true,
    position    integer not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  uuid,
    updated_by  uuid,
    version     bigint not null default 0
);

insert into lead_sources (id, source_key, label_en, label_tr, position, created_at, updated_at) values
    ('01934f00-0000-7000-8000-000000000001', 'web_form',    'Web form',      'Web formu',    10, now(), now()),
    ('01934f00-0000-7000-8000-000000000002', 'whatsapp',    'WhatsApp',      'WhatsApp',     20, now(), now()),
    ('01934f00-0000-7000-8000-000000000003', 'phone',       'Phone',         'Telefon',      30, now(), now()),
    ('01934f00-0000-7000-8000-000000000004', 'email',       'E-mail',        'E-posta',      40, now(), now()),
    ('01934f00-0000-7000-8000-000000000005', 'referral',    'Referral',      'Tavsiye',      50, now(), now()),
    ('01934f00-0000-7000-8000-000000000006', 'event',       'Event / fair',  'Etkinlik / fuar', 60, now(), now()),
    ('01934f00-0000-7000-8000-000000000007', 'advertising', 'Advertising',   'Reklam',       70, now(), now()),
    ('01934f00-0000-7000-8000-000000000008', 'import',      'Import',        'İçe aktarma',  80, now(), now()),
    ('01934f00-0000-7000-8000-000000000009', 'other',       'Other',         'Diğer',        90, now(), now());

create table leads (
    id                   uuid primary key,
    first_name           varchar(100),
    last_name            varchar(100),
    company_name         varchar(200),
    title                varchar(150),
    email                varchar(254),
    phone                varchar(20),
    source_key           varchar(50) references lead_sources (source_key),
    status               varchar(20) not null,
    disqualified_reason  varchar(1000),
    notes                text,
    owner_id             uuid not null references users (id),
    visible_to_team      boolean not null default true,
    -- Set once: by the first status change after creation or the first activity, whichever comes first.
    first_response_at    timestamptz,
    converted_at         timestamptz,
    converted_contact_id uuid,
    converted_company_id uuid,
    -- Filled by the deals step of the conversion once the deals module exists.
    converted_deal_id    uuid,
    external_source      varchar(50),
    external_id          varchar(200),
    -- Turkish-folded names, company name, title, e-mail and phone forms (made in Java).
    search_text          text not null,
    search_vector        tsvector generated always as (to_tsvector('simple', search_text)) stored,
    sort_name            text collate "C" not null,
    archived_at          timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    created_by           uuid,
    updated_by           uuid,
    version              bigint not null default 0,
    constraint leads_status_ck check (status in ('new', 'contacted', 'qualified', 'disqualified')),
    constraint leads_named_ck check (first_name is not null or last_name is not null or company_name is not null)
);
create unique index leads_external_uq on leads (external_source, external_id) where external_id is not null;
create index leads_owner_idx on leads (owner_id);
create index leads_status_idx on leads (status);
create index leads_sort_name_idx on leads (sort_name, id);
create index leads_updated_idx on leads (updated_at, id);
create index leads_created_idx on leads (created_at, id);
create index leads_search_trgm_idx on leads using gin (search_text gin_trgm_ops);
create index leads_search_vector_idx on leads using gin (search_vector);

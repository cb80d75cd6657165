create table companies (
    id               uuid primary key,
    name             varchar(200) not null,
    sector           varchar(100),
    size_band        varchar(20),
    annual_revenue   numeric(19, 4),
    revenue_currency char(3),
    website          varchar(300),
    email            varchar(254),
    phone            varchar(20),
    address_line     varchar(300),
    city             varchar(100),
    country          varchar(100),
    tax_number       varchar(20),
    tags             text[] not null default '{}',
    notes            text,
    owner_id         uuid not null references users (id),
    visible_to_team  boolean not null default true,
    external_source  varchar(50),
    external_id      varchar(200),
    -- search_text is the Turkish-folded concatenation of name, e-mail, phone, city, tax number, website
    -- (made in Java); sort_name sorts in Turkish alphabetical order under the C collation.
    search_text      text not null,
    search_vector    tsvector generated always as (to_tsvector('simple', search_text)) stored,
    sort_name        text collate "C" not null,
    archived_at      timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    created_by       uuid,
    updated_by       uuid,
    version          bigint not null default 0
);
create unique index companies_external_uq on companies (external_source, external_id) where external_id is not null;
create index companies_owner_idx on companies (owner_id);
create index companies_sort_name_idx on companies (sort_name, id);
create index companies_updated_idx on companies (updated_at, id);
create index companies_created_idx on companies (created_at, id);
create index companies_search_trgm_idx on companies using gin (search_text gin_trgm_ops);
create index companies_search_vector_idx on companies using gin (search_vector);
create index companies_tax_number_idx on companies (tax_number) where tax_number is not null;

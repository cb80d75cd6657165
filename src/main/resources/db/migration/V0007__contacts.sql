create table contacts (
    id               uuid primary key,
    first_name       varchar(100) not null,
    last_name        varchar(100),
    title            varchar(150),
    address_line     varchar(300),
    city             varchar(100),
    country          varchar(100),
    tags             text[] not null default '{}',
    notes            text,
    owner_id         uuid not null references users (id),
    visible_to_team  boolean not null default true,
    external_source  varchar(50),
    external_id      varchar(200),
    -- Turkish-folded names, e-mails, phones (E.164 and national digits), city and linked company names.
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
create unique index contacts_external_uq on contacts (external_source, external_id) where external_id is not null;
create index contacts_owner_idx on contacts (owner_id);
create index contacts_sort_name_idx on contacts (sort_name, id);
create index contacts_updated_idx on contacts (updated_at, id);
create index contacts_created_idx on contacts (created_at, id);
create index contacts_search_trgm_idx on contacts using gin (search_text gin_trgm_ops);
create index contacts_search_vector_idx on contacts using gin (search_vector);

create table contact_emails (
    contact_id uuid not null references contacts (id) on delete cascade,
    position   smallint not null,
    email      varchar(254) not null,
    primary key (contact_id, position)
);
create index contact_emails_email_idx on contact_emails (email);

create table contact_phones (
    contact_id uuid not null references contacts (id) on delete cascade,
    position   smallint not null,
    phone      varchar(20) not null,
    primary key (contact_id, position)
);
create index contact_phones_phone_idx on contact_phones (phone);

create table contact_companies (
    contact_id    uuid not null references contacts (id) on delete cascade,
    company_id    uuid not null references companies (id),
    position      smallint not null,
    role          varchar(100),
    is_primary    boolean not null default false,
    -- The company's name as last seen by the contacts module (from CompanyService when the link is saved,
    -- or from a company RecordChanged event), kept only to build contacts.search_text without reading the
    -- companies table. name_event_at is when the last applied rename happened, so that renames delivered
    -- out of order never let an older name win.
    company_name  varchar(200) not null,
    name_event_at timestamptz,
    primary key (contact_id, company_id)
);
create index contact_companies_company_idx on contact_companies (company_id);
create unique index contact_companies_one_primary_uq on contact_companies (contact_id) where is_primary;

-- Products: catalogue data, readable by everyone signed in, changed by admins and managers only, so
-- they carry no owner. A product is never deleted (deals and quotes will point at it), only deactivated.
create table products (
    id           uuid primary key,
    code         varchar(50) not null,
    name         varchar(200) not null,
    description  text,
    unit         varchar(20),
    unit_price   numeric(19, 4) not null check (unit_price >= 0),
    currency     char(3) not null default 'TRY',
    vat_rate     smallint not null check (vat_rate in (0, 1, 10, 20)),
    active       boolean not null default true,
    aliases      text[] not null default '{}',
    -- search_text: Turkish-folded code, name and aliases, with and without spaces (made in Java).
    search_text  text not null,
    sort_name    text collate "C" not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    created_by   uuid,
    updated_by   uuid,
    version      bigint not null default 0
);
create unique index products_code_uq on products (lower(code));
create index products_sort_name_idx on products (sort_name, id);
create index products_code_sort_idx on products ((lower(code)) collate "C", id);
create index products_search_trgm_idx on products using gin (search_text gin_trgm_ops);

create table price_lists (
    id          uuid primary key,
    name        varchar(200) not null,
    currency    char(3) not null default 'TRY',
    active      boolean not null default true,
    valid_from  date,
    valid_to    date,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  uuid,
    updated_by  uuid,
    version     bigint not null default 0,
    check (valid_to is null or valid_from is null or valid_from <= valid_to)
);
create unique index price_lists_name_uq on price_lists (lower(name));

-- Items and tiers are parts of the price list aggregate: written and replaced with it.
create table price_list_items (
    id             uuid primary key,
    price_list_id  uuid not null references price_lists (id) on delete cascade,
    product_id     uuid not null references products (id),
    position       integer not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    created_by     uuid,
    updated_by     uuid,
    version        bigint not null default 0,
    unique (price_list_id, product_id)
);
create index price_list_items_product_idx on price_list_items (product_id);

create table price_list_tiers (
    id            uuid primary key,
    item_id       uuid not null references price_list_items (id) on delete cascade,
    min_quantity  numeric(19, 4) not null check (min_quantity > 0),
    price         numeric(19, 4) not null check (price >= 0),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    created_by    uuid,
    updated_by    uuid,
    version       bigint not null default 0,
    unique (item_id, min_quantity)
);

-- How many Turkish lira one unit of a currency was worth on a day. A rate is not money, so it keeps
-- six decimals (central bank rates have four or more).
create table exchange_rates (
    id           uuid primary key,
    currency     char(3) not null check (currency <> 'TRY'),
    rate_date    date not null,
    rate_to_try  numeric(19, 6) not null check (rate_to_try > 0),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    created_by   uuid,
    updated_by   uuid,
    version      bigint not null default 0,
    unique (currency, rate_date)
);
create index exchange_rates_date_idx on exchange_rates (rate_date desc, id);

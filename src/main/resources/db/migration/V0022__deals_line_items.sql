-- Products on a deal. Code, name, unit price and VAT are copied from the catalogue when the line is
-- added, so later price-list changes do not rewrite what was offered.
create table deal_line_items (
    id               uuid primary key,
    deal_id          uuid not null references deals (id) on delete cascade,
    position         integer not null,
    product_id       uuid not null references products (id),
    product_code     varchar(50) not null,
    product_name     varchar(200) not null,
    price_list_id    uuid references price_lists (id),
    quantity         numeric(19, 4) not null check (quantity > 0),
    unit_price       numeric(19, 4) not null check (unit_price >= 0),
    currency         char(3) not null,
    discount_percent numeric(5, 2) not null default 0 check (discount_percent between 0 and 100),
    vat_rate         integer not null,
    total            numeric(19, 4) not null,
    created_at       timestamptz not null,
    created_by       uuid
);
create index deal_line_items_deal_idx on deal_line_items (deal_id, position);

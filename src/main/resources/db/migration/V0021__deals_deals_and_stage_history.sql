create table deals (
    id                  uuid primary key,
    title               varchar(200) not null,
    pipeline_id         uuid not null references pipelines (id),
    -- the current open stage; for a won or lost deal the stage it was closed from
    stage_id            uuid not null references pipeline_stages (id),
    status              varchar(10) not null default 'open' check (status in ('open', 'won', 'lost')),
    value               numeric(19, 4),
    currency            char(3) not null default 'TRY',
    expected_close_date date,
    company_id          uuid references companies (id),
    source              varchar(100),
    lost_reason_id      uuid references lost_reasons (id),
    lost_note           varchar(2000),
    next_step_at        timestamptz,
    last_activity_at    timestamptz,
    stage_entered_at    timestamptz not null,
    closed_at           timestamptz,
    -- when the deal turns stale: least(stage_entered_at, coalesce(last_activity_at, stage_entered_at))
    -- plus the stage's rotting days; kept by the deals module so "stale" is one index range scan
    stale_at            timestamptz not null,
    owner_id            uuid not null references users (id),
    visible_to_team     boolean not null default true,
    search_text         text not null,
    sort_title          text collate "C" not null,
    archived_at         timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    created_by          uuid,
    updated_by          uuid,
    version             bigint not null default 0
);
create index deals_owner_idx on deals (owner_id);
create index deals_pipeline_stage_idx on deals (pipeline_id, stage_id) where archived_at is null;
create index deals_stale_idx on deals (stale_at) where status = 'open' and archived_at is null;
create index deals_company_idx on deals (company_id) where company_id is not null;
create index deals_sort_title_idx on deals (sort_title, id);
create index deals_updated_idx on deals (updated_at, id);
create index deals_created_idx on deals (created_at, id);
create index deals_search_trgm_idx on deals using gin (search_text gin_trgm_ops);

create table deal_contacts (
    deal_id    uuid not null references deals (id) on delete cascade,
    contact_id uuid not null references contacts (id),
    position   integer not null,
    primary key (deal_id, contact_id)
);
create index deal_contacts_contact_idx on deal_contacts (contact_id);

-- Every stage move, win, loss and reopening; analytics (funnel, cycle time, velocity) read this.
create table deal_stage_history (
    id                 uuid primary key,
    deal_id            uuid not null references deals (id) on delete cascade,
    from_stage_id      uuid references pipeline_stages (id),
    from_status        varchar(10),
    to_stage_id        uuid not null references pipeline_stages (id),
    to_status          varchar(10) not null,
    moved_at           timestamptz not null,
    moved_by           uuid,
    seconds_in_previous bigint
);
create index deal_stage_history_deal_idx on deal_stage_history (deal_id, moved_at);

create table teams (
    id          uuid primary key,
    name        varchar(120) not null,
    manager_id  uuid,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null default 0
);
create unique index teams_name_uq on teams (lower(name));

create table users (
    id                  uuid primary key,
    email               varchar(254) not null,
    password_hash       varchar(100) not null,
    first_name          varchar(100) not null,
    last_name           varchar(100) not null,
    role                varchar(20) not null
        check (role in ('ADMIN', 'MANAGER', 'SALES_REP', 'SUPPORT_AGENT', 'MARKETING', 'READ_ONLY')),
    team_id             uuid references teams (id),
    active              boolean not null default true,
    locale              varchar(10) not null default 'en',
    failed_logins       integer not null default 0,
    last_failed_login_at timestamptz,
    locked_until        timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0
);
create unique index users_email_uq on users (email);
create index users_team_idx on users (team_id);

alter table teams add constraint teams_manager_fk foreign key (manager_id) references users (id);
create index teams_manager_idx on teams (manager_id);

-- Personal API tokens: only a SHA-256 hash of the token is kept.
create table api_tokens (
    id            uuid primary key,
    user_id       uuid not null references users (id),
    name          varchar(100) not null,
    token_hash    char(64) not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create unique index api_tokens_hash_uq on api_tokens (token_hash);
create index api_tokens_user_idx on api_tokens (user_id);

-- In-app notifications (the bell) and their e-mail delivery state.
create table notifications (
    id           uuid primary key,
    user_id      uuid        not null references users (id),
    kind         text        not null,
    title        text        not null,
    body         text,
    link         text,
    -- one notification per cause: a reminder or a stale-deal episode is notified once, however often a job runs
    dedupe_key   text        unique,
    in_app       boolean     not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone,
    -- null: no e-mail wanted; pending: an e-mail job is scheduled; sent; skipped (no address or no SMTP)
    email_status text check (email_status in ('pending', 'sent', 'skipped')),
    emailed_at   timestamp with time zone
);
create index notifications_user_created_idx on notifications (user_id, created_at desc, id desc) where in_app;
create index notifications_user_unread_idx on notifications (user_id) where in_app and read_at is null;

-- Per user and kind: show in the app, send by e-mail. No row means both.
create table notification_preferences (
    user_id uuid    not null references users (id),
    kind    text    not null,
    in_app  boolean not null,
    email   boolean not null,
    primary key (user_id, kind)
);

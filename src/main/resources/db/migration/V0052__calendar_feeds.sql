-- A user's private iCalendar feed: the URL carries the feed id and a secret token, of which only
-- a SHA-256 hash is stored. Deleting the row revokes the URL.
create table calendar_feeds (
    id         uuid primary key,
    user_id    uuid        not null unique references users (id),
    token_hash bytea       not null,
    created_at timestamp with time zone not null
);

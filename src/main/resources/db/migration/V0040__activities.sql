-- Calls, meetings, e-mails, notes and WhatsApp messages logged by users. One activity may sit on
-- several records of any module (a meeting on a deal, its company and two contacts): activity_links
-- holds generic references, so this module never reads the record modules' tables.
create table activities (
    id               uuid primary key,
    type             varchar(10) not null check (type in ('call', 'meeting', 'email', 'note', 'whatsapp')),
    subject          varchar(200),
    -- plain text, except for notes: sanitised HTML (a safelist of formatting tags)
    body             text,
    -- when it happened; for a meeting its start
    occurred_at      timestamptz not null,
    direction        varchar(10) check (direction in ('inbound', 'outbound')),
    outcome          varchar(20) check (outcome in ('reached', 'noAnswer', 'busy', 'wrongNumber')),
    duration_seconds integer check (duration_seconds between 0 and 86400),
    start_at         timestamptz,
    end_at           timestamptz,
    location         varchar(500),
    -- users taking part in a meeting besides the one who logged it (they see it in their calendar)
    attendee_ids     uuid[] not null default '{}',
    -- who logged it; the activity is "theirs"
    owner_id         uuid not null references users (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    created_by       uuid,
    updated_by       uuid,
    version          bigint not null default 0,
    check (end_at is null or start_at is null or end_at >= start_at)
);
create index activities_owner_idx on activities (owner_id, occurred_at desc);
create index activities_meetings_idx on activities (start_at) where type = 'meeting';
create index activities_attendees_idx on activities using gin (attendee_ids);

create table activity_links (
    activity_id uuid not null references activities (id) on delete cascade,
    record_type varchar(20) not null,
    record_id   uuid not null,
    position    integer not null,
    primary key (activity_id, record_type, record_id)
);
-- timelines and "future meeting on this deal" look activities up by record
create index activity_links_record_idx on activity_links (record_type, record_id);

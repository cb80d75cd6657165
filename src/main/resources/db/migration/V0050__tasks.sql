-- Tasks: follow-ups with a due time, an assignee and an optional reminder, linked to any records.
create table tasks (
    id           uuid primary key,
    title        text        not null,
    description  text,
    due_at       timestamp with time zone,
    priority     text        not null check (priority in ('low', 'normal', 'high')),
    status       text        not null check (status in ('open', 'done', 'cancelled')),
    assignee_id  uuid        not null references users (id),
    reminder_at  timestamp with time zone,
    completed_at timestamp with time zone,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    created_by   uuid        not null references users (id),
    updated_by   uuid        not null references users (id),
    version      bigint      not null
);
-- "My work": a user's open tasks by due time, and recently closed ones
create index tasks_assignee_status_due_idx on tasks (assignee_id, status, due_at);
create index tasks_assignee_completed_idx on tasks (assignee_id, completed_at desc) where completed_at is not null;
create index tasks_created_by_idx on tasks (created_by);

-- A task links to records of other modules by generic reference (no foreign key across modules).
create table task_links (
    task_id     uuid not null references tasks (id) on delete cascade,
    record_type text not null,
    record_id   uuid not null,
    primary key (task_id, record_type, record_id)
);
create index task_links_record_idx on task_links (record_type, record_id);

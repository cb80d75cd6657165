-- Until this version a single record's audit row was written after the change committed, by a listener that the
-- event publication registry stored a publication for (ADR 12). The audit is now written inside the changing
-- transaction, so that listener no longer exists, and a publication still incomplete at the upgrade (a node that
-- crashed or stopped between a change's commit and its audit) would never run again: its change would be missing
-- from the audit trail. Each such publication is audited here, from the event it carries, and deleted.
-- The event id is the audit row's key, so a publication whose row exists already adds nothing.
-- event_publication is created by Spring Modulith, not by a migration, so a new database may not have it yet.
do $$
begin
    if to_regclass('event_publication') is null then
        return;
    end if;
    insert into audit_events (id, record_type, record_id, action, actor_id, occurred_at, changes, origin)
    select (e ->> 'eventId')::uuid, e ->> 'recordType', (e ->> 'recordId')::uuid, e ->> 'action',
           (e ->> 'actorId')::uuid,
           case jsonb_typeof(e -> 'occurredAt')
               when 'number' then timestamptz 'epoch' + (e ->> 'occurredAt')::numeric * interval '1 second'
               when 'string' then (e ->> 'occurredAt')::timestamptz
               else p.publication_date
           end,
           coalesce(e -> 'changes', '[]'::jsonb), e ->> 'origin'
      from (select publication_date, serialized_event::jsonb as e
              from event_publication
             where listener_id like 'io.kervan.audit.AuditRecorder.on(%RecordChanged)'
               and completion_date is null) p
    on conflict (id) do nothing;

    delete from event_publication
     where listener_id like 'io.kervan.audit.AuditRecorder.on(%RecordChanged)'
       and completion_date is null;
end
$$;

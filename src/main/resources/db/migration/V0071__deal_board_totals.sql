-- Stored totals of the open columns of the kanban board (see docs/adr/0009-stored-board-totals.md): count and sum
-- of value of the open, unarchived deals per (pipeline, stage, currency, owner, team flag), so that a board load reads
-- a few hundred rows instead of summing every open deal of the pipeline. The owner and the team flag are in the key
-- because they are all that VisibilityScope looks at: a sales rep's totals are the rows of the owners they may see.
--
-- Writers never update a totals row: a trigger on deals appends signed deltas to deal_board_total_deltas (no
-- shared row, so concurrent writers never wait for each other), and a recurring job folds the deltas into the
-- totals in one transaction. A board reads totals + deltas in one statement, so it always equals the live sum.
create table deal_board_totals (
    pipeline_id     uuid    not null,
    stage_id        uuid    not null,
    currency        char(3) not null,
    owner_id        uuid    not null,
    visible_to_team boolean not null,
    deals           bigint  not null,
    -- unbounded: a sum of numeric(19, 4) values
    total           numeric not null,
    primary key (pipeline_id, stage_id, currency, owner_id, visible_to_team)
);

create table deal_board_total_deltas (
    pipeline_id     uuid    not null,
    stage_id        uuid    not null,
    currency        char(3) not null,
    owner_id        uuid    not null,
    visible_to_team boolean not null,
    -- +1 when a deal starts counting in this key, -1 when it stops
    deals           integer not null,
    total           numeric not null
);
-- Boards read the pending deltas of one pipeline; between compactions there are few.
create index deal_board_total_deltas_pipeline_idx on deal_board_total_deltas (pipeline_id);

-- A deal counts while it is open and not archived. An update that changes what or where it counts writes -1 for
-- the old key and +1 for the new one; the update trigger's WHEN skips every other update (title, activity, ...).
create function deal_board_total_delta() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        if old.status = 'open' and old.archived_at is null then
            insert into deal_board_total_deltas (pipeline_id, stage_id, currency, owner_id, visible_to_team, deals, total)
            values (old.pipeline_id, old.stage_id, old.currency, old.owner_id, old.visible_to_team, -1,
                    -coalesce(old.value, 0));
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        if new.status = 'open' and new.archived_at is null then
            insert into deal_board_total_deltas (pipeline_id, stage_id, currency, owner_id, visible_to_team, deals, total)
            values (new.pipeline_id, new.stage_id, new.currency, new.owner_id, new.visible_to_team, 1,
                    coalesce(new.value, 0));
        end if;
    end if;
    return null;
end
$$;

create trigger deals_board_totals_insert_delete
    after insert or delete on deals
    for each row execute function deal_board_total_delta();

create trigger deals_board_totals_update
    after update on deals
    for each row
    when ((old.pipeline_id, old.stage_id, old.status, old.currency, old.owner_id, old.visible_to_team, old.value,
           old.archived_at is null)
          is distinct from
          (new.pipeline_id, new.stage_id, new.status, new.currency, new.owner_id, new.visible_to_team, new.value,
           new.archived_at is null))
    execute function deal_board_total_delta();

-- Row triggers do not fire on truncate: empty the totals with the deals.
create function deal_board_totals_truncate() returns trigger
    language plpgsql as
$$
begin
    truncate deal_board_totals, deal_board_total_deltas;
    return null;
end
$$;

create trigger deals_board_totals_truncate
    after truncate on deals
    for each statement execute function deal_board_totals_truncate();

-- Backfill. The triggers above already exist in this transaction and creating them locked out concurrent writers
-- to deals until commit, so no change is lost or counted twice.
insert into deal_board_totals (pipeline_id, stage_id, currency, owner_id, visible_to_team, deals, total)
select pipeline_id, stage_id, currency, owner_id, visible_to_team, count(*), coalesce(sum(value), 0)
  from deals
 where status = 'open' and archived_at is null
 group by pipeline_id, stage_id, currency, owner_id, visible_to_team;

-- The SLA board's order and counts, one row per case that has clocks, kept by ClockRepository in the
-- transaction that changes the case's clocks: the board reads one page of it in index order and its
-- counts from it, instead of loading every clock of every open case.
create table case_clock_summary (
  application_id     bigint       primary key references licence_application (id),
  -- 0: a breached clock; 1: a provisional clock; 2: running or paused clocks; 9: nothing left to watch
  sort_group         smallint     not null,
  -- next_due, or 9999-12-31 when no clock runs: so that one ascending index orders the board
  sort_due           timestamp with time zone not null,
  next_due           timestamp with time zone,
  next_warn          timestamp with time zone,
  running_clocks     integer      not null,
  breached_clocks    integer      not null,
  provisional_clocks integer      not null,
  paused_clocks      integer      not null
);
create index ix_case_clock_summary_order on case_clock_summary (sort_group, sort_due, application_id);

-- The cases with clocks today (a clock is watched while running or paused, or breached and not yet met).
insert into case_clock_summary (application_id, sort_group, sort_due, next_due, next_warn, running_clocks,
    breached_clocks, provisional_clocks, paused_clocks)
select application_id,
       case when breached > 0 then 0 when provisional > 0 then 1 when watched > 0 then 2 else 9 end,
       coalesce(next_due, timestamp with time zone '9999-12-31 00:00:00+00'),
       next_due, next_warn, running, breached, provisional, paused
  from (select application_id,
               sum(case when state in ('RUNNING', 'PAUSED') or (state = 'BREACHED' and met_at is null)
                   then 1 else 0 end) as watched,
               sum(case when state = 'RUNNING' then 1 else 0 end) as running,
               sum(case when state = 'BREACHED' and met_at is null then 1 else 0 end) as breached,
               sum(case when provisional and (state in ('RUNNING', 'PAUSED') or (state = 'BREACHED'
                   and met_at is null)) then 1 else 0 end) as provisional,
               sum(case when state = 'PAUSED' then 1 else 0 end) as paused,
               min(case when state = 'RUNNING' then due_at end) as next_due,
               min(case when state = 'RUNNING' then warn_at end) as next_warn
          from case_clock group by application_id) clocks;

-- The board's licence-type filter.
create index ix_application_licence_type on licence_application (licence_type);

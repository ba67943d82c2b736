-- Indexes the benchmark (./mvnw -Pbenchmark verify) showed missing at a bureau's volume.

-- Every task completion asks the engine for the task's sub-tasks by PARENT_TASK_ID_; Camunda 7.24
-- ships no index for it (H2 and PostgreSQL alike), so each completion scanned every open task.
create index ix_act_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_);

-- Each expert and agency draw counts the last 12 months' assignments in the database.
create index ix_expert_assignment_invited on expert_assignment (invited_at, expert_id, state);
create index ix_expert_assignment_enterprise on expert_assignment (enterprise_credit_code, invited_at);
create index ix_agency_assignment_assigned on agency_assignment (assigned_at, agency_id);

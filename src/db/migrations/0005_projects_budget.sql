-- IT projects and activities (NĐ 73/2019, NĐ 45/2026) moving through pipeline templates
-- that are data, with every transition kept as an event; the budget per fiscal year and
-- funding source is read from the projects themselves, so totals are sums of their parts.
-- Money is integer đồng (bigint): never a floating point number.

-- Pipeline templates: one row per law × kind, valid from a date. Steps are a JSON array of
-- core's PipelineStep (code, name, phase, actorRole, action, requiredDocuments,
-- timeLimitWorkingDays, returnTo?, basis?). An administrator corrects limits in place and
-- loads a new law as a new row.
create table pipeline_templates (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  law text not null,
  name text not null,
  kind text not null check (kind in ('investment_project', 'recurrent_activity', 'service_rental', 'purchase')),
  valid_from date not null,
  valid_to date,
  amount_min_exclusive bigint,
  amount_max_inclusive bigint,
  steps jsonb not null,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  check (valid_to is null or valid_to >= valid_from)
);
create index pipeline_templates_kind_idx on pipeline_templates (kind, valid_from);

-- Which unit holds a pipeline role on a date (the 2025 reorganisation is rows, not code).
create table pipeline_role_units (
  id uuid primary key default gen_random_uuid(),
  role text not null check (role in ('technical_appraiser', 'finance_appraiser', 'approver')),
  kinds text[],                        -- null: every kind; a kind-specific row wins
  unit_id uuid not null references units(id),
  valid_from date not null,
  valid_to date,
  basis text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  check (valid_to is null or valid_to >= valid_from)
);
create index pipeline_role_units_role_idx on pipeline_role_units (role, valid_from);

create table projects (
  id uuid primary key default gen_random_uuid(),
  province_id text not null default 'HP' references provinces(id),
  name text not null,
  description text,
  unit_id uuid not null references units(id),          -- the owning unit (chủ đầu tư / đơn vị chủ trì)
  kind text not null check (kind in ('investment_project', 'recurrent_activity', 'service_rental', 'purchase')),
  fiscal_year int not null check (fiscal_year between 2000 and 2100),
  funding_source text not null check (funding_source in ('public_investment', 'recurrent', 'other')),
  estimate bigint not null check (estimate > 0),         -- planned money (kế hoạch / dự toán)
  started_on date not null,
  template_id uuid not null references pipeline_templates(id),
  -- Denormalised from project_events by the transition that wrote them (same transaction).
  step_index int not null default 0,
  step_code text,                      -- null once the pipeline is finished
  step_started_on date not null,
  revisions int not null default 0,
  allocated bigint check (allocated is null or allocated >= 0),
  contracted bigint,
  disbursed bigint not null default 0 check (disbursed >= 0),
  finished_on date,
  -- Year-end outcome entered by finance: undisbursed allocation carried over or cancelled.
  carried_over bigint not null default 0 check (carried_over >= 0),
  cancelled bigint not null default 0 check (cancelled >= 0),
  closed_on date,
  closing_note text,
  search_folded text not null default '',
  sample boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  check (carried_over + cancelled = 0 or disbursed + carried_over + cancelled <= coalesce(allocated, 0))
);
create index projects_budget_idx on projects (fiscal_year, funding_source, unit_id);
create index projects_unit_idx on projects (unit_id, fiscal_year);
create index projects_open_idx on projects (step_code, step_started_on) where closed_on is null and finished_on is null;

-- Every transition, in order: date, document number, actor. The state of a project is the
-- replay of these through core's state machine.
create table project_events (
  id bigserial primary key,
  project_id uuid not null references projects(id) on delete cascade,
  seq int not null,
  action text not null check (action in ('submit', 'appraise', 'return_for_revision', 'approve', 'allocate', 'contract', 'accept', 'disburse')),
  step_code text not null,
  from_step int not null,
  to_step int not null,
  actor_role text not null check (actor_role in ('owner', 'technical_appraiser', 'finance_appraiser', 'approver')),
  date date not null,
  document_number text,
  comment text,
  amount bigint,
  final boolean not null default false,
  actor_id uuid references users(id),
  actor_name text not null,
  actor_unit_id uuid references units(id),  -- the unit the step was assigned to when it was acted on
  created_at timestamptz not null default now(),
  unique (project_id, seq)
);
create index project_events_date_idx on project_events (date);
create index project_events_unit_idx on project_events (actor_unit_id, date);

-- Projects carry out tasks of the plan (KH 74/KH-UBND …).
create table project_tasks (
  project_id uuid not null references projects(id) on delete cascade,
  task_id uuid not null references tasks(id) on delete cascade,
  primary key (project_id, task_id)
);
create index project_tasks_task_idx on project_tasks (task_id);

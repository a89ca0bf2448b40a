-- Indicators, targets and values (one fact table), periodic reports (NĐ 09/2019),
-- import jobs, and the one-stop-shop dossier feed with its monthly aggregates.

-- A published set of indicators: a plan (74/KH-UBND), an index (QĐ 922, QĐ 405), a feed.
create table indicator_catalogues (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  issuer text,
  document_ref text,
  valid_from date not null,
  valid_to date,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);

create table indicators (
  id uuid primary key default gen_random_uuid(),
  catalogue_id uuid not null references indicator_catalogues(id),
  code text not null unique,           -- formulas refer to indicators by code
  name text not null,
  name_folded text not null,
  pillar text not null check (pillar in ('infrastructure', 'government', 'economy', 'society', 'other')),
  parent_id uuid references indicators(id),   -- a DTI main index under its group
  unit_of_measure text not null,
  kind text not null check (kind in ('raw', 'ratio', 'formula')),
  numerator_label text,
  denominator_label text,
  formula text,
  ratio_scale numeric not null default 100,
  unit_rule text not null check (unit_rule in ('sum', 'ratio', 'mean', 'last')),   -- over units
  time_rule text not null check (time_rule in ('sum', 'ratio', 'mean', 'last')),   -- over periods
  direction text not null check (direction in ('higher_better', 'lower_better')),
  periodicity text not null check (periodicity in ('month', 'quarter', 'half', 'nine_months', 'year')),
  source_agency text not null,         -- the default source; every value names its own
  max_points numeric,
  rag_green numeric,
  rag_amber numeric,
  description text,
  sort_order int not null default 0,
  valid_from date not null,
  valid_to date,
  sample boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'formula') = (formula is not null)),
  -- Σ numerators / Σ denominators needs the parts: only ratio indicators carry them.
  check (kind = 'ratio' or (unit_rule <> 'ratio' and time_rule <> 'ratio')),
  check (time_rule <> 'ratio' or unit_rule = 'ratio'),
  check (valid_to is null or valid_to >= valid_from),
  check (rag_amber is null or rag_green is null or rag_amber <= rag_green)
);
create index indicators_catalogue_idx on indicators (catalogue_id, sort_order);

-- Targets of a plan: per level (KH 74: city 60 %, district 50 %, commune 30 %) or per
-- unit; yearly ('2022') with interim quarterly ones ('2022-Q2').
create table indicator_targets (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references indicators(id) on delete cascade,
  plan_code text not null,
  plan_title text,
  level text check (level in ('city', 'district', 'commune')),
  unit_id uuid references units(id),
  period text not null,
  value numeric not null,
  note text,
  sample boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((level is null) <> (unit_id is null)),
  unique nulls not distinct (indicator_id, plan_code, level, unit_id, period)
);
create index indicator_targets_lookup_idx on indicator_targets (indicator_id, period);

-- Coordinator imports (.xlsx/.csv of values) and dossier feeds: a row the UI polls.
create table import_jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('indicator_values', 'dossiers')),
  file_name text not null,
  status text not null check (status in ('running', 'done', 'failed')),
  phase text not null default 'reading',
  total_rows int,
  processed_rows int not null default 0,
  error_count int not null default 0,
  errors jsonb not null default '[]',  -- [{ row, column, message }], the first few hundred
  message text,
  summary jsonb,
  created_by uuid references users(id),
  created_by_name text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index import_jobs_created_idx on import_jobs (kind, created_at desc);

-- THE fact table: one row per (indicator, unit, period, source agency). province_id is the
-- sharding key. period_start/period_end are denormalised from the period key so that a
-- rollup is a range scan of indicator_values_rollup_idx joined to the unit closure.
create table indicator_values (
  id bigint generated always as identity primary key,
  province_id text not null references provinces(id),
  indicator_id uuid not null references indicators(id),
  unit_id uuid not null references units(id),
  period text not null,
  period_type text not null check (period_type in ('month', 'quarter', 'half', 'nine_months', 'year')),
  period_start date not null,
  period_end date not null,
  source_agency text not null,
  value numeric,
  numerator numeric,
  denominator numeric,
  status text not null check (status in ('draft', 'submitted', 'returned', 'approved')),
  origin text not null check (origin in ('form', 'api', 'import', 'report', 'dossier_feed', 'seed')),
  import_id uuid references import_jobs(id),
  submission_id uuid,
  note text,
  entered_by uuid references users(id),
  entered_by_name text not null,
  entered_at timestamptz not null default now(),
  sample boolean not null default false,
  version int not null default 1,
  unique (indicator_id, unit_id, period, source_agency),
  check (denominator is null or denominator >= 0)
);
create index indicator_values_rollup_idx on indicator_values (indicator_id, source_agency, period_type, period_start)
  include (unit_id, status, value, numerator, denominator);
create index indicator_values_unit_idx on indicator_values (unit_id, period_start);
create index indicator_values_submission_idx on indicator_values (submission_id) where submission_id is not null;

-- Periodic report regimes (NĐ 09/2019 Điều 7–8): title, content, who reports, who receives,
-- period type, cut-off (NĐ 09 windows, computed in core) and deadline rule, sending method.
create table report_regimes (
  id uuid primary key default gen_random_uuid(),
  province_id text not null references provinces(id),
  code text not null unique,
  title text not null,
  content text not null default '',
  report_kind text not null check (report_kind in ('periodic', 'thematic', 'ad_hoc')),
  period_type text not null check (period_type in ('month', 'quarter', 'half', 'nine_months', 'year')),
  deadline_rule jsonb not null,
  receiving_unit_id uuid not null references units(id),
  sending_method text not null,
  legal_basis text,
  valid_from date not null,
  valid_to date,
  sample boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);

create table report_regime_units (
  regime_id uuid not null references report_regimes(id) on delete cascade,
  unit_id uuid not null references units(id),
  primary key (regime_id, unit_id)
);
create index report_regime_units_unit_idx on report_regime_units (unit_id);

-- The form: indicator fields (values land in indicator_values) and free-text sections.
create table report_regime_fields (
  id uuid primary key default gen_random_uuid(),
  regime_id uuid not null references report_regimes(id) on delete cascade,
  position int not null,
  kind text not null check (kind in ('indicator', 'text')),
  indicator_id uuid references indicators(id),
  label text not null,
  required boolean not null default false,
  unique (regime_id, position),
  check ((kind = 'indicator') = (indicator_id is not null))
);

create table report_submissions (
  id uuid primary key default gen_random_uuid(),
  province_id text not null references provinces(id),
  regime_id uuid not null references report_regimes(id),
  unit_id uuid not null references units(id),
  period text not null,
  status text not null check (status in ('draft', 'submitted', 'returned', 'approved')),
  answers jsonb not null default '{}',
  submitted_at timestamptz,            -- the latest submission; a returned report must be sent again
  submitted_by uuid references users(id),
  first_submitted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid references users(id),
  return_reason text,
  sample boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (regime_id, unit_id, period)
);
create index report_submissions_period_idx on report_submissions (regime_id, period, status);

create table report_submission_events (
  id bigint generated always as identity primary key,
  submission_id uuid not null references report_submissions(id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid references users(id),
  actor_name text not null,
  action text not null,                -- 'save' | 'submit' | 'return' | 'approve'
  from_status text,
  to_status text not null,
  reason text
);
create index report_submission_events_idx on report_submission_events (submission_id, at);

-- One-stop-shop dossiers (hồ sơ TTHC) as the feed sends them.
create table dossiers (
  id bigint generated always as identity primary key,
  province_id text not null references provinces(id),
  unit_id uuid not null references units(id),
  code text,                           -- the source system's number; a re-sent code updates the dossier
  procedure_code text not null,
  received_at timestamptz not null,
  channel text not null check (channel in ('online', 'direct', 'postal')),
  fully_online boolean not null default false,
  due_at timestamptz,
  finished_at timestamptz,
  import_id uuid references import_jobs(id),
  unique (unit_id, code),
  check (due_at is null or due_at >= received_at),
  check (finished_at is null or finished_at >= received_at)
);
-- Serves the recount of a month: dossiers of a unit received before its end.
create index dossiers_unit_received_idx on dossiers (unit_id, received_at);

-- Rows of a feed being read; invisible to everything else until the import is merged.
create table dossier_import_rows (
  import_id uuid not null references import_jobs(id) on delete cascade,
  row_number int not null,
  unit_id uuid not null,
  code text,
  procedure_code text not null,
  received_at timestamptz not null,
  channel text not null,
  fully_online boolean not null,
  due_at timestamptz,
  finished_at timestamptz,
  primary key (import_id, row_number)
);

-- Counters per unit and calendar month, maintained incrementally by the feed. `final` once
-- computed after the month ended (in-progress counters no longer change with time).
create table dossier_monthly (
  province_id text not null references provinces(id),
  unit_id uuid not null references units(id),
  month text not null,
  carried_over int not null default 0,
  received int not null default 0,
  received_online int not null default 0,
  received_online_full int not null default 0,
  to_handle int not null default 0,
  finished_early int not null default 0,
  finished_on_time int not null default 0,
  finished_late int not null default 0,
  in_progress_on_time int not null default 0,
  in_progress_late int not null default 0,
  final boolean not null default false,
  computed_at timestamptz not null default now(),
  primary key (unit_id, month)
);
create index dossier_monthly_open_idx on dossier_monthly (month) where not final;

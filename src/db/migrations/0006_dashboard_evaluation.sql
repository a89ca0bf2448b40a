-- The IOC dashboard (aggregates kept up to date on write, the administrator's map) and unit
-- evaluation (criteria as data, runs that keep every component, the letter's draft).

-- One row per panel and scope (a year: '2022'). Refreshed after successful writes, read by
-- GET /api/dashboard: a view never recomputes from raw rows. computed_at is when the figures
-- were last computed from the data (their freshness); changed_at when they last differed, so a
-- refresh that changes nothing (same payload_hash) sends no event.
create table dashboard_panels (
  scope text not null,
  panel_key text not null,
  status text not null check (status in ('ok', 'no_data', 'error')),
  message text,
  payload jsonb not null,
  payload_hash text not null,
  computed_at timestamptz not null default now(),
  changed_at timestamptz not null default now(),
  compute_ms int not null default 0,
  primary key (scope, panel_key)
);
create index dashboard_panels_computed_idx on dashboard_panels (computed_at desc);

-- Boundaries uploaded by the administrator (none ships: they change, no current file exists).
-- Features are matched to units by folded name when uploaded; only one map is active.
create table dashboard_maps (
  id uuid primary key default gen_random_uuid(),
  filename text not null,
  name_property text not null,
  geojson jsonb not null,
  feature_count int not null,
  matched_count int not null,
  unmatched text[] not null default '{}',
  size_bytes int not null,
  active boolean not null default true,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null default now()
);
create unique index dashboard_maps_active_idx on dashboard_maps (active) where active;

-- Criteria as data with validity, one row per version of a criterion (core/evaluation/criteria).
create table evaluation_criteria (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  name text not null,
  weight numeric not null check (weight > 0),
  direction text not null check (direction in ('higher_better', 'lower_better')),
  unit text not null check (unit in ('percent', 'count')),
  threshold_zero numeric not null,
  threshold_full numeric not null,
  valid_from date not null,
  valid_to date,
  note text,
  sample boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (code, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
create index evaluation_criteria_validity_idx on evaluation_criteria (valid_from, valid_to);

-- Score bands for the three classes, with validity: ≥ ghi_nhan_from ghi nhận, < phe_binh_below phê bình.
create table evaluation_class_thresholds (
  id uuid primary key default gen_random_uuid(),
  ghi_nhan_from numeric not null,
  phe_binh_below numeric not null,
  valid_from date not null unique,
  valid_to date,
  note text,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  check (phe_binh_below <= ghi_nhan_from),
  check (valid_to is null or valid_to >= valid_from)
);

-- Raw measures per period, unit and criterion code. 'data' rows are collected from tasks,
-- reports, projects and indicators; 'sample' rows are labelled demo data; 'manual' rows are
-- entered by the coordinator. A run takes manual, then sample, then data. value null = the
-- measure does not apply to that unit (no funded project, so no disbursement rate).
create table evaluation_measures (
  period_key text not null,
  unit_id uuid not null references units(id),
  code text not null,
  source text not null check (source in ('data', 'sample', 'manual')),
  value numeric,
  note text,
  entered_by uuid references users(id),
  updated_at timestamptz not null default now(),
  primary key (period_key, unit_id, code, source)
);
create index evaluation_measures_unit_idx on evaluation_measures (unit_id, period_key);

create table evaluation_runs (
  id uuid primary key default gen_random_uuid(),
  period_key text not null,
  as_of date not null,                  -- criteria and thresholds in force on this date
  unit_kinds text[] not null,
  criteria jsonb not null,              -- the criteria used, as they were: a run never changes later
  class_thresholds jsonb not null,
  counts jsonb not null,                -- { ghi_nhan, rut_kinh_nghiem, phe_binh, unclassed }
  note text,
  created_by uuid references users(id),
  created_by_name text not null,
  created_at timestamptz not null default now()
);
create index evaluation_runs_period_idx on evaluation_runs (period_key, created_at desc);
create index evaluation_runs_created_idx on evaluation_runs (created_at desc);

create table evaluation_results (
  run_id uuid not null references evaluation_runs(id) on delete cascade,
  unit_id uuid not null references units(id),
  unit_name text not null,
  unit_kind text not null,
  rank int not null,
  score numeric,
  total numeric not null,
  max_points numeric not null,
  class text check (class in ('ghi_nhan', 'rut_kinh_nghiem', 'phe_binh')),
  reason text not null,
  components jsonb not null,
  measure_sources jsonb not null,       -- code → 'data' | 'sample' | 'manual'
  primary key (run_id, unit_id)
);
create index evaluation_results_rank_idx on evaluation_results (run_id, rank);
create index evaluation_results_unit_idx on evaluation_results (unit_id, run_id);

-- The letter drafted from a run, edited by the coordinator before the .docx is generated.
create table evaluation_letters (
  run_id uuid primary key references evaluation_runs(id) on delete cascade,
  draft jsonb not null,
  version int not null default 1,
  updated_by uuid references users(id),
  updated_by_name text,
  updated_at timestamptz not null default now(),
  generated_at timestamptz
);

-- The dashboard's monthly trend reads the dossier counters of one year for every unit; their
-- primary key leads with the unit, so the month range needs its own index.
create index dashboard_dossier_monthly_month_idx on dossier_monthly (month);

-- Foundation: the organisation (units over time), people, sessions, audit.
-- Written at the PostgreSQL 15 feature level; runs unchanged on PGlite (PG 18).

create table provinces (
  id text primary key,                 -- 'HP'; every fact row will carry it (sharding key)
  name text not null
);

create table units (
  id uuid primary key default gen_random_uuid(),
  province_id text not null references provinces(id),
  code text not null unique,
  name text not null,
  name_folded text not null,           -- lower case, no diacritics: for diacritic-blind search
  short_name text,
  kind text not null check (kind in ('city_committee', 'department', 'district', 'commune', 'agency')),
  level int not null check (level >= 0),
  parent_id uuid references units(id),
  valid_from date not null,
  valid_to date,                       -- last valid day, inclusive; null = still valid
  groups text[] not null default '{}', -- group keys ('departments', 'districts', 'agencies')
  sample boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index units_parent_idx on units (parent_id);
create index units_validity_idx on units (valid_from, valid_to);
create index units_name_folded_idx on units (name_folded);

create table unit_aliases (
  unit_id uuid not null references units(id) on delete cascade,
  alias text not null,
  alias_folded text not null,
  primary key (unit_id, alias)
);
create index unit_aliases_folded_idx on unit_aliases (alias_folded);

create table unit_successors (
  predecessor_id uuid not null references units(id) on delete cascade,
  successor_id uuid not null references units(id) on delete cascade,
  primary key (predecessor_id, successor_id),
  check (predecessor_id <> successor_id)
);
create index unit_successors_successor_idx on unit_successors (successor_id);

-- Transitive closure of the parent relation, maintained by the units service.
-- valid_from/valid_to: the interval over which the whole path exists.
create table unit_closure (
  ancestor_id uuid not null references units(id) on delete cascade,
  descendant_id uuid not null references units(id) on delete cascade,
  depth int not null check (depth >= 0),
  valid_from date not null,
  valid_to date,
  primary key (ancestor_id, descendant_id)
);
create index unit_closure_descendant_idx on unit_closure (descendant_id, ancestor_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  password_hash text not null,
  full_name text not null,
  role text not null check (role in ('admin', 'coordinator', 'finance', 'unit_officer', 'unit_leader', 'leadership')),
  unit_id uuid not null references units(id),
  active boolean not null default true,
  must_change_password boolean not null default false,
  last_login_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username_idx on users (lower(username));
create index users_unit_idx on users (unit_id);

create table sessions (
  token_hash text primary key,         -- sha256 of the cookie value; the value itself is never stored
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_last_seen_idx on sessions (last_seen_at);

-- Failed logins counted per key ('user:<name>' and 'ip:<address>'), so throttling holds
-- for unknown user names and across several server processes.
create table login_throttle (
  key text primary key,
  failures int not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid references users(id),
  actor_name text not null,
  action text not null,                -- 'create' | 'update' | 'delete' | 'login' | …
  entity text not null,                -- 'unit' | 'user' | …
  entity_id text,
  before jsonb,
  after jsonb,
  ip text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_entity_idx on audit_log (entity, entity_id, at desc);
create index audit_log_actor_idx on audit_log (actor_id, at desc);

create table app_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

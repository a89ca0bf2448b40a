-- Issue 12: many provinces in one deployment. Each province is a tenant (its own root unit,
-- province_id on every row); the national role reads across them (docs/decisions.md).

-- The national role: reads every province side by side, changes nothing.
alter table users drop constraint if exists users_role_check;
alter table users add constraint users_role_check
  check (role in ('admin', 'coordinator', 'finance', 'unit_officer', 'unit_leader', 'leadership', 'national'));

-- A sample province is labelled as such on the national screens.
alter table provinces add column sample boolean not null default false;

-- Stored panels are per province and year: a province's wall never shows another's figures,
-- and the national comparison reads every province's stored panels in one grouped query.
alter table dashboard_panels add column province_id text not null default 'HP';
alter table dashboard_panels drop constraint dashboard_panels_pkey;
alter table dashboard_panels add primary key (province_id, scope, panel_key);
create index dashboard_panels_scope_key_idx on dashboard_panels (scope, panel_key);

-- Province-first indexes: a province's panel reads, and the national grouped queries.
create index tasks_province_assigned_idx on tasks (province_id, assigned_on);
create index projects_province_year_idx on projects (province_id, fiscal_year);
create index units_province_root_idx on units (province_id) where parent_id is null;

-- Imports that survive a crash, can be cancelled, and ingest through COPY.
--
-- A job records the process that runs it (host, pid, a random id per process start) and a
-- heartbeat. A job whose owner is gone (its pid no longer lives on that host, the pid now
-- belongs to a later start, or the heartbeat stopped) is failed by any live server with a
-- reason the uploader sees, and its staging rows are removed, so the next upload proceeds.

alter table import_jobs add column owner_host text;
alter table import_jobs add column owner_pid int;
alter table import_jobs add column owner_boot uuid;
alter table import_jobs add column heartbeat_at timestamptz;
alter table import_jobs add column cancel_requested_at timestamptz;
alter table import_jobs add column cancelled_by_name text;

alter table import_jobs drop constraint import_jobs_status_check;
alter table import_jobs add constraint import_jobs_status_check check (status in ('running', 'done', 'failed', 'cancelled'));

-- One running import of a kind at a time, enforced by the database so that two uploads at the
-- same moment (on two servers) cannot both start. Jobs left running by an earlier version
-- that stopped without recovery are failed first, the newest of each kind kept.
update import_jobs j set status = 'failed', finished_at = now(), message = 'Lần nhập bị gián đoạn, vui lòng tải lại'
 where status = 'running'
   and exists (select 1 from import_jobs k where k.kind = j.kind and k.status = 'running' and (k.created_at, k.id) > (j.created_at, j.id));
create unique index import_jobs_one_running_idx on import_jobs (kind) where status = 'running';

-- Staging rows are scratch space, loaded by COPY as fast as a plain table: UNLOGGED (no WAL;
-- PostgreSQL empties them after a crash of the database server itself, which is what we
-- want), no primary key and no foreign key (a check per row would slow COPY several times;
-- rows of jobs no longer running are removed by the server's recovery sweep), never part
-- of a backup. A job reads and deletes its own rows by import_id.
alter table dossier_import_rows drop constraint dossier_import_rows_pkey;
alter table dossier_import_rows drop constraint dossier_import_rows_import_id_fkey;
alter table dossier_import_rows set unlogged;

-- Rows of an indicator-value file being read, already checked and resolved to ids; merged
-- into indicator_values in one statement once the whole file is known to be valid.
create unlogged table indicator_import_rows (
  import_id uuid not null,
  row_number int not null,
  province_id text not null,
  indicator_id uuid not null,
  unit_id uuid not null,
  period text not null,
  period_type text not null,
  period_start date not null,
  period_end date not null,
  source_agency text not null,
  value numeric,
  numerator numeric,
  denominator numeric,
  note text
);

-- The dossier fact table is loaded 300,000 rows at a time; every foreign key is a check per
-- row at merge time (measured: the three took 43 % of the merge on PostgreSQL). Two of them
-- guard nothing that the merge does not already guarantee: province_id is copied from the
-- unit in the same statement (units.province_id keeps its own key), and import_id names an
-- import_jobs row, which is never deleted. The key to units stays.
alter table dossiers drop constraint dossiers_province_id_fkey;
alter table dossiers drop constraint dossiers_import_id_fkey;

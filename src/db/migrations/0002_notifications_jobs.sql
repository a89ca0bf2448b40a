-- Shared services: holidays as data, in-app notifications with an e-mail outbox,
-- jobs that must run once across several server processes, stored files.

alter table users add column email text;

create table holidays (
  date date primary key,
  name text not null,
  updated_at timestamptz not null default now()
);

create table notifications (
  id bigserial primary key,
  user_id uuid not null references users(id) on delete cascade,
  kind text not null,                  -- 'task_due' | 'task_overdue' | 'report_missing' | …
  title text not null,
  body text not null,
  link text,
  dedupe_key text,                     -- the same reminder is never created twice for one user
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create unique index notifications_dedupe_idx on notifications (user_id, dedupe_key) where dedupe_key is not null;
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- Filled in the same transaction as the notification; a sender drains it when SMTP is set.
create table email_outbox (
  id bigserial primary key,
  notification_id bigint references notifications(id) on delete set null,
  to_address text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts int not null default 0,
  last_error text
);
create index email_outbox_pending_idx on email_outbox (created_at) where sent_at is null;

-- One row per (job, run key): a daily job run with key '2026-11-22' runs once, whichever
-- process gets there first.
create table job_runs (
  job text not null,
  run_key text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  result jsonb,
  primary key (job, run_key)
);

create table files (
  id uuid primary key default gen_random_uuid(),
  filename text not null,
  mime_type text not null,
  size_bytes int not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null default now()
);

-- Issue 13, parts 4 and 5: dashboard panels embedded in another operations centre, and
-- scheduled e-mail deliveries (digests and the monthly summary) through the outbox.

-- A link that shows one panel (optionally narrowed to a unit's subtree) without signing in.
-- Only the sha-256 of its secret is stored (docs/decisions.md): each view looks the hash up,
-- so a revocation or an expiry holds from the next request, in every process.
create table embed_links (
  id uuid primary key default gen_random_uuid(),
  label text not null,
  token_hash text not null unique,
  prefix text not null,
  panel_key text not null,
  unit_id uuid references units(id),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  view_count int not null default 0,
  last_viewed_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null
);

-- A scheduled delivery: 'unit_digest' (overdue and soon-due tasks to each unit's leaders) or
-- 'monthly_summary' (pillars, money at risk, report timeliness to the city's leadership).
-- cadence 'daily' | 'weekly' (day = ISO weekday 1–7) | 'monthly' (day = day of month 1–28).
create table delivery_subscriptions (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('unit_digest', 'monthly_summary')),
  cadence text not null check (cadence in ('daily', 'weekly', 'monthly')),
  day int not null default 1,
  horizon_days int not null default 7,
  active boolean not null default true,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- The claim: one row per (subscription, period), inserted in the transaction that queues the
-- e-mails. A second process blocks on the uncommitted row, then sees the conflict and skips.
create table delivery_runs (
  subscription_id uuid not null references delivery_subscriptions(id) on delete cascade,
  period_key text not null,
  sent_at timestamptz not null,
  emails int not null,
  primary key (subscription_id, period_key)
);

-- Files an outbox e-mail carries (the .xlsx of a digest or a summary).
create table email_attachments (
  id bigserial primary key,
  outbox_id bigint not null references email_outbox(id) on delete cascade,
  filename text not null,
  mime_type text not null,
  content bytea not null
);
create index email_attachments_outbox_idx on email_attachments (outbox_id);

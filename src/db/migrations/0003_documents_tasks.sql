-- Directives (NĐ 30/2020/NĐ-CP metadata) and the tasks they assign (QĐ 42/2014/QĐ-TTg,
-- NĐ 39/2022): one lead unit, any number of coordinating units, a deadline and the
-- original deadline, progress reports, extension requests. Status is never stored: it is
-- computed from deadline and completion date by src/core/tasks/status.ts.

create table documents (
  id uuid primary key default gen_random_uuid(),
  province_id text not null default 'HP' references provinces(id),
  doc_number text,                     -- số/ký hiệu: '139/UBND-KSTTHC', '74/KH-UBND'; null when the copy has none
  doc_type text not null default 'Văn bản', -- 'Công văn', 'Thông báo', 'Kế hoạch', 'Quyết định' …
  issued_on date,                      -- ngày ban hành; units are matched as of this date
  issuer text,                         -- cơ quan ban hành, as written
  place text,                          -- địa danh ('Hải Phòng')
  summary text,                        -- trích yếu
  signer text,                         -- người ký
  signer_authority text,               -- 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'
  recipients text,                     -- nơi nhận
  body text not null default '',       -- full text as registered (NFC)
  file_id uuid references files(id),   -- the uploaded original, when there was one
  confirmed_at timestamptz,            -- last time its proposal was confirmed into tasks
  search_folded text not null default '',
  sample boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index documents_issued_idx on documents (issued_on desc nulls last, created_at desc);
create index documents_number_idx on documents (doc_number);

create table tasks (
  id uuid primary key default gen_random_uuid(),
  province_id text not null default 'HP' references provinces(id),
  document_id uuid references documents(id),
  title text not null,
  description text,
  lead_unit_id uuid not null references units(id),
  -- The phrase the lead was written as ("các Sở, ngành, địa phương") when the task came
  -- from expanding a group, so the list can show where it came from.
  lead_group_text text,
  assigned_on date not null,           -- document date, or creation date for a task typed in
  deadline date,                       -- deadline in force (after approved extensions)
  original_deadline date,              -- as first assigned; never changed by an extension
  deadline_text text,                  -- as written: 'trước ngày 25/3/2020', 'trong quý II/2022'
  recurrence text check (recurrence in ('weekly', 'biweekly', 'monthly', 'quarterly', 'annual')),
  pillar text check (pillar in ('digital_government', 'digital_economy', 'digital_society', 'digital_infrastructure')),
  source_text text,                    -- the sentence of the document the task was read from
  source_start int,                    -- its offsets in documents.body
  source_end int,
  progress_percent int not null default 0 check (progress_percent between 0 and 100),
  last_progress_at timestamptz,
  completed_on date,                   -- calendar date (Vietnam) the task was reported done
  search_folded text not null default '',
  sample boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  check (source_start is null or (source_end is not null and source_end >= source_start))
);
create index tasks_lead_idx on tasks (lead_unit_id, deadline);
create index tasks_document_idx on tasks (document_id);
create index tasks_deadline_idx on tasks (deadline) where completed_on is null;
create index tasks_assigned_idx on tasks (assigned_on);
create index tasks_pillar_idx on tasks (pillar);

create table task_coordinators (
  task_id uuid not null references tasks(id) on delete cascade,
  unit_id uuid not null references units(id),
  primary key (task_id, unit_id)
);
create index task_coordinators_unit_idx on task_coordinators (unit_id, task_id);

-- Occurrences of a recurring task ("định kỳ 02 tuần/lần"): generated from its recurrence,
-- each one reported on its own.
create table task_occurrences (
  task_id uuid not null references tasks(id) on delete cascade,
  due_on date not null,
  reported_on date,
  primary key (task_id, due_on)
);

create table task_updates (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks(id) on delete cascade,
  kind text not null check (kind in ('progress', 'complete', 'reopen')),
  percent int check (percent between 0 and 100),
  note text,
  file_id uuid references files(id),
  author_id uuid references users(id),
  author_name text not null,
  unit_id uuid references units(id),  -- the author's unit at the time
  sample boolean not null default false,
  created_at timestamptz not null default now()
);
create index task_updates_task_idx on task_updates (task_id, created_at desc);

create table task_extensions (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks(id) on delete cascade,
  previous_deadline date,
  requested_deadline date not null,
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
  requested_by uuid references users(id),
  requested_by_name text not null,
  requested_at timestamptz not null default now(),
  decided_by uuid references users(id),
  decided_by_name text,
  decided_at timestamptz,
  decision_note text
);
create index task_extensions_task_idx on task_extensions (task_id, requested_at desc);
create unique index task_extensions_one_pending_idx on task_extensions (task_id) where status = 'pending';

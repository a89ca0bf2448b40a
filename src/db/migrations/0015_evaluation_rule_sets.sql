-- Evaluation computed, never overridden (issue 16). A round applies one rule set: the criteria
-- shown (and scored when weighted), the scope, the class rules in order with their grounds, and
-- the rank keys, as data with validity and a level (city bodies or communes and wards). The
-- measures come only from the data of the other capabilities at run time, so the table of
-- sample and manual measures that could replace them goes, with the score bands and the
-- separate criteria rows that the rule set now holds.
create table evaluation_rule_sets (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  name text not null,
  unit_level text not null check (unit_level in ('city', 'commune')),
  criteria jsonb not null,
  scope jsonb not null default '[]',
  class_rules jsonb not null,
  rank_by jsonb not null default '[]',
  source text not null,
  valid_from date not null,
  valid_to date,
  sample boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (code, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
create index evaluation_rule_sets_level_idx on evaluation_rule_sets (unit_level, valid_from);

-- A run keeps, whole, the rule set it applied. Earlier runs keep their criteria and bands,
-- rewritten as a rule set whose class rules are the score bands they used.
alter table evaluation_runs add column unit_level text not null default 'city' check (unit_level in ('city', 'commune'));
alter table evaluation_runs add column rule_set jsonb;
update evaluation_runs set rule_set = jsonb_build_object(
  'code', 'truoc-0015',
  'name', 'Bộ tiêu chí và ngưỡng điểm đã dùng (trước khi bỏ số liệu nhập tay)',
  'unitLevel', 'city',
  'criteria', criteria,
  'scope', '[]'::jsonb,
  'classRules', jsonb_build_array(
    jsonb_build_object('class', 'ghi_nhan', 'ground', 'đạt từ ' || (class_thresholds->>'ghiNhanFrom') || ' điểm',
      'all', jsonb_build_array(jsonb_build_object('measure', 'score', 'op', '>=', 'value', (class_thresholds->>'ghiNhanFrom')::numeric))),
    jsonb_build_object('class', 'phe_binh', 'ground', 'dưới ' || (class_thresholds->>'pheBinhBelow') || ' điểm',
      'all', jsonb_build_array(jsonb_build_object('measure', 'score', 'op', '<', 'value', (class_thresholds->>'pheBinhBelow')::numeric))),
    jsonb_build_object('class', 'rut_kinh_nghiem', 'ground', 'giữa hai ngưỡng',
      'all', jsonb_build_array(jsonb_build_object('measure', 'score', 'op', '>=', 'value', 0)))),
  'rankBy', '[]'::jsonb,
  'source', 'Đợt đánh giá lập trước migration 0015; số liệu có thể đã được nhập tay.',
  'validFrom', class_thresholds->>'validFrom',
  'validTo', null,
  'sample', true);
alter table evaluation_runs alter column rule_set set not null;
alter table evaluation_runs drop column criteria;
alter table evaluation_runs drop column class_thresholds;

-- The ground of the class rule that gave a unit its class; where a measure came from is always
-- the data now, so the per-measure source goes.
alter table evaluation_results add column ground text;
alter table evaluation_results drop column measure_sources;

drop table evaluation_measures;
drop table evaluation_class_thresholds;
drop table evaluation_criteria;

-- Working Saturdays (ngày làm bù, issue 16): a row of the calendar may be a weekend day that is
-- worked in exchange for a swapped day off. Such a day counts as a working day for deadlines.
alter table holidays add column working boolean not null default false;

-- A unit that ends may hand its work to several units (Sở TT&TT: to Sở KH&CN, and its
-- press work to Sở VH-TT&DL). Exactly one of them is the primary successor: the unit
-- whose people inherit the predecessor's history (tasks, values, projects, scope).
alter table unit_successors add column is_primary boolean not null default false;
update unit_successors s set is_primary = true
 where s.successor_id = (select min(o.successor_id::text)::uuid from unit_successors o where o.predecessor_id = s.predecessor_id);
create unique index unit_successors_one_primary_idx on unit_successors (predecessor_id) where is_primary;

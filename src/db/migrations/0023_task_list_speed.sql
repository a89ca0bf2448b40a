-- The task list's first page in its own order without sorting every matching task
-- (issue 11): open tasks first, then by deadline, then the newest assignment. Title and id,
-- the last tie-breakers, are sorted within equal (deadline, assigned_on) by an incremental
-- sort; a title (up to 2,000 characters) is too long for a btree entry.
create index tasks_list_order_idx on tasks ((completed_on is not null), deadline, assigned_on desc) where cancelled_at is null;

-- A number that moves whenever anything a task row shows changes (the task, its
-- coordinators, extensions, occurrences, its directive, a unit's name), whichever process or
-- job wrote it. The task list's answer cache (src/server/read-cache.ts) reuses an answer only
-- while the number is the one read before computing it. The triggers are deferred to commit,
-- so the number moves at the end of the writing transaction; a reader that reads it during
-- that commit may keep the old answer, which is why an answer also lives two seconds at most.
create sequence tasks_change_seq;

create function bump_tasks_change() returns trigger language plpgsql as $$
begin
  perform nextval('tasks_change_seq');
  return null;
end $$;

create constraint trigger tasks_change after insert or update or delete on tasks deferrable initially deferred for each row execute function bump_tasks_change();
create constraint trigger task_coordinators_change after insert or update or delete on task_coordinators deferrable initially deferred for each row execute function bump_tasks_change();
create constraint trigger task_extensions_change after insert or update or delete on task_extensions deferrable initially deferred for each row execute function bump_tasks_change();
create constraint trigger task_occurrences_change after insert or update or delete on task_occurrences deferrable initially deferred for each row execute function bump_tasks_change();
create constraint trigger documents_tasks_change after insert or update or delete on documents deferrable initially deferred for each row execute function bump_tasks_change();
create constraint trigger units_tasks_change after insert or update or delete on units deferrable initially deferred for each row execute function bump_tasks_change();

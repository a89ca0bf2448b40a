-- Staging rows of an import are transient: a backup leaves out every UNLOGGED table
-- (src/db/backup-tables.ts), and PostgreSQL empties an unlogged table after a crash,
-- which is what a half-read import's rows deserve. Every staging table is created
-- `create unlogged table`; test/integration/backup-rule.test.ts checks it by name.
alter table if exists dossier_import_rows set unlogged;

-- Documents, tasks, projects and document reviews took 'HP' (the demo city) as their
-- province when a writer did not name one. A province that starts empty (setup screen,
-- DEMO_DATA=false) has its own id (its GSO code, e.g. '04'), so every such row failed its
-- foreign key. The default is now the province of the root unit (the install's People's
-- Committee); 'HP' only while there is none, as before.
create or replace function hd_default_province() returns text
  language sql stable
  as $$ select coalesce((select province_id from units where parent_id is null order by valid_from, code limit 1), 'HP') $$;

alter table documents alter column province_id set default hd_default_province();
alter table tasks alter column province_id set default hd_default_province();
alter table projects alter column province_id set default hd_default_province();
alter table document_reviews alter column province_id set default hd_default_province();

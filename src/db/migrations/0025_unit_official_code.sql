-- The unit's code in the national list of administrative units (GSO, "mã đơn vị hành chính"),
-- where it has one: '11383' for phường Lê Chân of the new Hải Phòng. The product's own `code`
-- stays the stable identifier; this one is what the unit is known by outside the product.
alter table units add column official_code text;
create unique index units_official_code_idx on units (province_id, official_code) where official_code is not null;

-- Pillars per plan (issue 16): each indicator catalogue groups its indicators by its own
-- pillars — the seeds' four for a city plan, three for the national DTI — and names its
-- sources. An indicator's plan pillar is a key of its catalogue's list (checked by the
-- service); its `pillar` stays the IOC's grouping.
alter table indicator_catalogues
  add column pillars jsonb not null default
    '[{"key":"digital_government","name":"Chính quyền số"},{"key":"digital_economy","name":"Kinh tế số"},{"key":"digital_society","name":"Xã hội số"},{"key":"digital_infrastructure","name":"Hạ tầng số"}]'::jsonb,
  add column sources text[] not null default '{}',
  add column note text;
alter table indicators add column plan_pillar text;

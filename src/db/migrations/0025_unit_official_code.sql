-- The unit's code in the national list of administrative units (GSO, "mã đơn vị hành chính"),
-- where it has one: '11383' for phường Lê Chân of the new Hải Phòng. The product's own `code`
-- stays the stable identifier; this one is what the unit is known by outside the product.
alter table units add column official_code text;
create unique index units_official_code_idx on units (province_id, official_code) where official_code is not null;

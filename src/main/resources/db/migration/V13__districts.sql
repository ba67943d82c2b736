-- 区县: the district of an enterprise (from its application) and of a district bureau's staff, so
-- that a district bureau reads the licences and notices of its own district only.
alter table enterprise add column district varchar(50);
create index ix_enterprise_district on enterprise (district);

create table staff_district (
  user_id  varchar(64) not null primary key,
  district varchar(50) not null
);

-- How a tolerated item was supplied (边办边补): online, at the window, by courier, at the on-site
-- inspection, or at pickup; with the courier's tracking number or another reference.
alter table material_item add column supply_channel varchar(20);
alter table material_item add column supply_reference varchar(100);

-- Every notice of the bureau carries a number, per year and kind: 市应急许受字〔2026〕000012号.
alter table case_notice add column notice_number varchar(60);

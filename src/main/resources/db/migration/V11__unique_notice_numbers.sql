-- A notice number is handed out once (NumberSequences: one database sequence per series and year);
-- the database keeps it so. Table number_sequence is no longer written: its rows give the first
-- value of a series' sequence on a database upgraded from it.
alter table case_notice add constraint uq_case_notice_number unique (notice_number);

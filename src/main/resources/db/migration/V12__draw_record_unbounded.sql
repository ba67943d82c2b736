-- A draw records the whole pool as it was (specialties, loads, conflicts), so that anyone can re-run
-- it: 200,000 characters held only about a thousand experts. The record has no upper bound now.
alter table expert_draw alter column record set data type text;

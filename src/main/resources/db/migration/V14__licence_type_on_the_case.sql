-- Each fact once: the licence type's name and validity are stored on the case at intake (as its
-- limits already are), so no later step looks the type up again in the DMN. Cases received before
-- this version show the type's code until they close.
alter table licence_application add column licence_type_name varchar(200);
alter table licence_application add column validity_years int;

-- Official documents (issue 12): what the certificate names, how the public verifies it, and the
-- deputy director's signature. Portable between H2 2.x and PostgreSQL.

-- The certificate's particulars, taken at intake where the licence type's regulation names them.
alter table licence_application add column registered_address varchar(200);
alter table licence_application add column principal_name varchar(50);
alter table licence_application add column business_mode varchar(100);
alter table licence_application add column licence_scope varchar(1000);

-- A licence as the certificate prints it and the public verification page shows it: an unguessable
-- code for the QR code (never the id), the particulars copied from the case, its end (revoked, renewed),
-- and the certificate signed when the deputy director signs online (the first issue stays printable).
alter table licence add column verification_code varchar(64);
alter table licence add column registered_address varchar(200);
alter table licence add column principal_name varchar(50);
alter table licence add column business_mode varchar(100);
alter table licence add column licence_scope varchar(1000);
alter table licence add column approved_by varchar(64);
alter table licence add column revoked_at timestamp with time zone;
alter table licence add column revocation_reason varchar(500);
alter table licence add column renewed_by varchar(80);
alter table licence add column signed_at timestamp with time zone;
alter table licence add column signed_by varchar(64);
alter table licence add column signed_certificate bytea;
create unique index uq_licence_verification_code on licence (verification_code);

-- A notice re-issued signed keeps its number; the first issue stays beside it.
alter table case_notice add column reissue_of bigint references case_notice (id);
alter table case_notice add column signed_at timestamp with time zone;
alter table case_notice add column signed_by varchar(64);
alter table case_notice add column signed_pdf bytea;
alter table case_notice add column issue_version integer default 1 not null;
alter table case_notice drop constraint uq_case_notice_number;
alter table case_notice add constraint uq_case_notice_number_version unique (notice_number, issue_version);

-- Personal data rights (GDPR): an erased lead stays as an anonymous row (status, stage, scores,
-- campaign, dates: what reports count) with every personal field emptied and erased_at set; the
-- erasure itself is recorded without the person's data, with a keyed hash of the address so a
-- later capture of it is refused or flagged (leadflow.privacy.*).
alter table leads add column erased_at timestamp with time zone;
-- a lead captured again after an earlier erasure of its address (leadflow.privacy.erased-address: flag)
alter table leads add column previously_erased_at timestamp with time zone;

create table lead_erasures (
    id          varchar(36)  not null primary key,
    -- HMAC-SHA256 of the canonical address with leadflow.privacy.erasure-key, hex
    email_hash  varchar(64)  not null,
    erased_at   timestamp with time zone not null,
    erased_by   varchar(100) not null,
    reason      varchar(500) not null
);

create index ix_lead_erasure_email_hash on lead_erasures (email_hash);

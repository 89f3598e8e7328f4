-- The suppression list (issue 12): addresses nothing is ever sent to again, whatever lead or
-- journey asks: a hard bounce (or N transient bounces in a row), a spam complaint. Checked by
-- every send. Keyed by the address (canonical, as leads store it), so it outlives a lead and
-- stops a lead captured again with the same address. Portable SQL: PostgreSQL and H2.
-- V50: well above the other branches' migrations.
create table email_suppressions (
    id          varchar(36)  not null primary key,
    email       varchar(320) not null,
    -- HARD_BOUNCE or COMPLAINT (API.md's notEmailableReason)
    reason      varchar(20)  not null,
    -- what reported it: an interaction's type and bounce type, a sender's webhook
    source      varchar(200),
    -- the lead it was reported for, if any (no foreign key: erasure removes leads, the list stays)
    lead_id     varchar(36),
    created_at  timestamp with time zone not null,
    constraint uk_email_suppression unique (email)
);

-- Why the lead's address is on the list when it is not a hard bounce (email_bounced_at):
-- COMPLAINT, or SUPPRESSED (on the list before the lead was captured); and since when.
alter table leads add column email_suppressed varchar(20);
alter table leads add column email_suppressed_at timestamp with time zone;
-- transient (soft, 4.x.x) bounces since the last email that reached the lead: at
-- leadflow.email.bounces.transient-in-a-row they count as a permanent one
alter table leads add column transient_bounces integer default 0 not null;

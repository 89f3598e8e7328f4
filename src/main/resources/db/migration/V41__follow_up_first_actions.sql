-- Speed to lead (issue 14): each follow-up of a hand-off, since when its lead was ready for sales,
-- and the first action a person took on it in Tasklist (claim, assignment change or completion).
-- Written by sales (SpeedToLead); read by the speed-to-lead report. Portable SQL: PostgreSQL and H2.
create table follow_ups (
    -- the hand-off's process instance: one follow-up each
    handoff_id        varchar(64)  not null primary key,
    lead_id           varchar(36)  not null references leads (id),
    team              varchar(100) not null,
    -- when the lead became marketing- or sales-qualified
    sales_ready_at    timestamp with time zone not null,
    routed_at         timestamp with time zone not null,
    first_action_at   timestamp with time zone,
    -- CLAIM, ASSIGNMENT or COMPLETION
    first_action      varchar(20),
    first_action_by   varchar(100)
);
create index ix_follow_up_ready on follow_ups (sales_ready_at);

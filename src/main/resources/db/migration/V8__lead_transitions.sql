-- Every change of a lead's status or stage, with its time and cause, written by the lead's
-- lifecycle (LeadLifecycle): GET /api/leads/{id}/history, and what funnel reports and speed to
-- lead are computed from. Portable SQL: PostgreSQL and H2.
create table lead_transitions (
    id           varchar(36) not null primary key,
    lead_id      varchar(36) not null references leads (id),
    -- 1, 2, 3, ... per lead: the order of transitions that share a moment
    seq_no       integer     not null,
    occurred_at  timestamp with time zone not null,
    from_status  varchar(30),
    status       varchar(30) not null,
    from_stage   varchar(20),
    stage        varchar(20) not null,
    -- why: CAPTURED, INTERACTION:<type>, PROFILE, RESCORE, DECAY, HANDED_TO_SALES, ...
    cause        varchar(60) not null
);

create unique index uk_lead_transition_seq on lead_transitions (lead_id, seq_no);
create index ix_lead_transition_time on lead_transitions (occurred_at);

-- since when the lead has its status: the hand-off safety net looks for leads sales-ready for too long
alter table leads add column status_since timestamp with time zone;
-- how many transitions the lead has had (the next one's seq_no is one more)
alter table leads add column transitions integer not null default 0;
update leads set status_since = updated_at, transitions = 1;
create index ix_lead_status_since on leads (status, status_since);

-- the history of the leads that exist already starts with their status today
insert into lead_transitions (id, lead_id, seq_no, occurred_at, from_status, status, from_stage, stage, cause)
select id, id, 1, updated_at, null, status, null, stage, 'MIGRATED' from leads;

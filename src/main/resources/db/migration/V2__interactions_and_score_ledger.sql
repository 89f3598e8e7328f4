-- Interactions (what leads do) and the score ledger (every change to a lead's score, explained).

-- the lead's scores: always the sums of its ledger rows per dimension
alter table leads add column fit_score integer not null default 0;
alter table leads add column engagement_score integer not null default 0;
alter table leads add column social_score integer not null default 0;
-- what the qualification decision said last: NURTURE, MARKETING_QUALIFIED, SALES_QUALIFIED
alter table leads add column qualification varchar(30);
-- the stage the score says (the journey may have moved the lead elsewhere, e.g. keep-warm)
alter table leads add column scored_stage varchar(20);
-- the company, normalised, for the account score of leads of one company
alter table leads add column company_key varchar(200);
create index ix_lead_company_key on leads (company_key);
update leads set company_key = lower(trim(company)) where company is not null;
update leads set scored_stage = stage;

create table interactions (
    id            varchar(36)  not null primary key,
    lead_id       varchar(36)  not null references leads (id),
    type          varchar(30)  not null,
    occurred_at   timestamp with time zone not null,
    received_at   timestamp with time zone not null,
    -- the sender's id for it: the same one twice is stored and scored once
    external_id   varchar(200),
    url           varchar(2000),
    content_id    varchar(100),
    campaign      varchar(100),
    channel       varchar(50),
    -- further keys the sender gave, as JSON
    details       varchar(4000),
    -- the points it added when it was scored (engagement + social), as answered to the sender
    points        integer      not null,
    constraint uk_interaction_external_id unique (external_id)
);
-- per lead and kind of action in a day (daily caps), and the recent ones (decay)
create index ix_interaction_lead_type_time on interactions (lead_id, type, occurred_at);
create index ix_interaction_occurred_at on interactions (occurred_at);

create table score_entries (
    id                varchar(36)  not null primary key,
    lead_id           varchar(36)  not null references leads (id),
    dimension         varchar(20)  not null,
    points            integer      not null,
    -- the decision (key and deployed version) and rule that gave the points, and the rule's reason
    decision_key      varchar(100) not null,
    decision_version  integer      not null,
    rule_id           varchar(100) not null,
    reason            varchar(500),
    -- what made us write the row: INTERACTION, PROFILE, DECAY, RESCORE
    cause             varchar(20)  not null,
    interaction_id    varchar(36)  references interactions (id),
    at                timestamp with time zone not null
);
create index ix_score_entry_lead on score_entries (lead_id, at);
create index ix_score_entry_interaction on score_entries (interaction_id);

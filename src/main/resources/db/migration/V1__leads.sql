-- Leads and the record of every capture (landing page, import, demo). Portable SQL: runs on
-- PostgreSQL (production, CI) and H2 (embedded run).

create table leads (
    id                varchar(36)  not null primary key,
    -- normalised (trimmed, lower case): one lead per email, case-insensitively
    email             varchar(254) not null,
    first_name        varchar(100),
    last_name         varchar(100),
    company           varchar(200),
    company_size      integer,
    industry          varchar(100),
    job_title         varchar(200),
    country           varchar(2),
    phone             varchar(40),
    -- the campaign that first captured the lead (cost per lead, campaign ROI)
    campaign          varchar(100),
    consent_given     boolean,
    consent_at        timestamp with time zone,
    consent_source    varchar(200),
    linkedin          varchar(200),
    twitter           varchar(200),
    status            varchar(30)  not null,
    stage             varchar(20)  not null,
    score             integer      not null default 0,
    rating            varchar(2),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint       not null default 0,
    constraint uk_lead_email unique (email)
);

create index ix_lead_campaign on leads (campaign);
create index ix_lead_status_stage on leads (status, stage);
create index ix_lead_score on leads (score);

-- every time a lead was captured, first or again: when, by which channel, from which campaign
create table lead_captures (
    id           varchar(36) not null primary key,
    lead_id      varchar(36) not null references leads (id),
    captured_at  timestamp with time zone not null,
    channel      varchar(20) not null,
    campaign     varchar(100),
    new_lead     boolean     not null,
    captured_by  varchar(100)
);

create index ix_lead_capture_lead on lead_captures (lead_id, captured_at);

-- Results (issue 14): campaigns and their costs, the sales outcome of a lead (won with its amount,
-- lost with its reason), last-touch attribution, and the rating a lead had at each transition.
-- Portable SQL: PostgreSQL and H2. Numbered high: other branches add migrations too.

-- a campaign, named by its key in leads.campaign and interactions.campaign ("key" is reserved in SQL)
create table campaigns (
    campaign_key  varchar(100) not null primary key,
    name          varchar(200) not null,
    channel       varchar(50),
    starts_on     date,
    ends_on       date,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

-- what a campaign cost, and on which day (costs per period: the report sums the days in it)
create table campaign_costs (
    id            varchar(36)   not null primary key,
    campaign_key  varchar(100)  not null references campaigns (campaign_key),
    spent_on      date          not null,
    amount        numeric(14,2) not null,
    currency      varchar(3)    not null
);
create index ix_campaign_cost_day on campaign_costs (spent_on, campaign_key);

-- a deal's outcome as sales or the CRM reported it: WON (amount, currency, both optional) or LOST (reason)
create table deals (
    id            varchar(36)   not null primary key,
    lead_id       varchar(36)   not null references leads (id),
    outcome       varchar(10)   not null,
    amount        numeric(14,2),
    currency      varchar(3),
    reason        varchar(500),
    closed_at     timestamp with time zone not null,
    recorded_by   varchar(100)
);
-- the report: won deals of a period (revenue), joined to their leads' campaigns
create index ix_deal_outcome_time on deals (outcome, closed_at);
create index ix_deal_lead on deals (lead_id);

-- last-touch attribution: the last campaign the lead engaged with (a capture or an interaction naming
-- one) before it became an opportunity; kept as it happens. First touch is leads.campaign.
alter table leads add column last_touch_campaign varchar(100);
alter table leads add column last_touch_at timestamp with time zone;
update leads set last_touch_campaign = campaign, last_touch_at = created_at where campaign is not null;
create index ix_lead_last_touch_campaign on leads (last_touch_campaign);
-- leads captured in a period (cost per lead)
create index ix_lead_created_at on leads (created_at);

-- the rating the lead had when the transition happened (score quality: by rating at qualification)
alter table lead_transitions add column rating varchar(2);
-- entries into a status in a period (funnel, campaign report)
create index ix_lead_transition_status_time on lead_transitions (status, occurred_at);

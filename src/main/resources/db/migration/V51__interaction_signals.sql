-- Signals people make, and signals machines make (issue 12): what an email open or click knew
-- about who made it, and whether the interaction filter judged it machine-made or a repeat
-- (recorded, 0 points, the reason also in the ledger). Portable SQL: PostgreSQL and H2.
alter table interactions add column delivery_id varchar(36);
alter table interactions add column user_agent varchar(500);
-- when the email it came from was sent (seconds after the send: a scanner is fast)
alter table interactions add column sent_at timestamp with time zone;
alter table interactions add column filtered boolean default false not null;
alter table interactions add column filter_reason varchar(300);
create index ix_interactions_delivery on interactions (delivery_id, type);

-- a window's interaction that was filtered does not stop the next hit from becoming one
-- (a scanner's click must not swallow the person's click a minute later)
alter table tracking_events add column filtered boolean default false not null;

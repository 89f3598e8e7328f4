-- Deliveries: every piece of content sent (or being sent) to a lead, once per delivery key.
create table deliveries (
    id             varchar(36)   not null primary key,
    lead_id        varchar(36)   not null references leads (id),
    content_id     varchar(100)  not null references content_items (id),
    -- EMAIL (the only channel delivered today)
    channel        varchar(20)   not null,
    -- the caller's key for "this send" (e.g. journey and step): one delivery, one email per key
    delivery_key   varchar(200)  not null,
    -- PENDING (recorded, outcome not known yet), SENT, FAILED (retried with the same key)
    status         varchar(20)   not null,
    -- the subject as rendered for the lead
    subject        varchar(500),
    -- the email's Message-ID header, derived from the id: the same on every attempt
    message_id     varchar(300),
    attempts       integer       not null,
    last_error     varchar(1000),
    created_at     timestamp with time zone not null,
    sent_at        timestamp with time zone,
    constraint uk_delivery_key unique (delivery_key)
);
-- a lead's deliveries, newest first (GET /api/leads/{id}/deliveries, content already chosen)
create index ix_delivery_lead on deliveries (lead_id, created_at);

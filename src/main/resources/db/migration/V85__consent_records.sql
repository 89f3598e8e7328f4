-- Proof of consent (GDPR art. 7(1)): every change of a lead's consent is a row, never updated
-- except by an erasure (which empties what could say who the person is: source text, IP).
create table consent_records (
    id           varchar(36)  not null primary key,
    lead_id      varchar(36)  not null,
    given        boolean      not null,
    -- when the person gave or withdrew it (what the sender said, else when we learnt it)
    changed_at   timestamp with time zone not null,
    recorded_at  timestamp with time zone not null,
    -- API, IMPORT, DEMO (a capture), EMAIL_LINK (the unsubscribe link), INTERACTION (an UNSUBSCRIBE
    -- sent to /api/interactions), PREFERENCE_CENTRE, CONFIRMATION_LINK (double opt-in)
    channel      varchar(40)  not null,
    -- what the sender said it came from ("landing page /pricing", "webinar sign-up")
    source       varchar(200),
    -- the consent text the person agreed to, or its version ("newsletter-v3")
    wording      varchar(1000),
    ip_address   varchar(45),
    recorded_by  varchar(100)
);

create index ix_consent_record_lead on consent_records (lead_id, changed_at);

-- Opens and clicks of tracking links counted per delivery, link and repeat window
-- (leadflow.tracking.repeat-window): the first hit of a window becomes an interaction, the
-- repeats only count here, so a flood of one link is one interaction and one row (issue 17,
-- case 6). Portable SQL: PostgreSQL and H2. V21: above the other branches' migrations, after V20.
create table tracking_events (
    id              varchar(36) not null primary key,
    delivery_id     varchar(36) not null references deliveries (id) on delete cascade,
    -- the link: CLICK or OPEN
    kind            varchar(20) not null,
    -- time divided into windows of the configured length: where this one starts
    window_start    timestamp with time zone not null,
    -- requests of the link in the window, the first one included
    hits            integer     not null,
    first_at        timestamp with time zone not null,
    last_at         timestamp with time zone not null,
    -- the interaction the first hit became (no foreign key: interactions belong to another feature)
    interaction_id  varchar(36),
    constraint uk_tracking_event_window unique (delivery_id, kind, window_start)
);

-- The content catalogue: what nurturing sends, per funnel stage, managed by marketing (/api/content).
create table content_items (
    -- a readable slug, e.g. whitepaper-lead-scoring-basics
    id              varchar(100)  not null primary key,
    title           varchar(200)  not null,
    -- TOFU, MOFU, BOFU, KEEP_WARM, LOYALTY
    stage           varchar(20)   not null,
    -- WELCOME, WHITEPAPER, GUIDE, ... (io.leadflow.content.ContentType)
    type            varchar(30)   not null,
    -- EMAIL (delivered today), SMS, DIRECT_MAIL, TELEMARKETING
    channel         varchar(20)   not null,
    -- persona fit: lower-case industries and role keywords, comma-separated; empty fits everyone
    industries      varchar(500),
    roles           varchar(500),
    url             varchar(2000) not null,
    -- Mustache templates: {{firstName}}, {{company}}, {{title}}, {{url}} ...
    email_subject   varchar(200)  not null,
    email_body      varchar(4000) not null,
    language        varchar(10)   not null,
    -- lower goes first among equally good matches
    priority        integer       not null,
    active          boolean       not null,
    -- deleted from the catalogue (deliveries keep referring to it)
    retired_at      timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint        not null default 0
);
create index ix_content_stage on content_items (stage, active, channel);

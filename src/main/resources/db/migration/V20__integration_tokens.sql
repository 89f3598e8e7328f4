-- Integrations' API tokens (docs/security.md, "How integrations authenticate"): issued by an
-- administrator, stored as a hash of their secret only, revoked rather than deleted so that the
-- list keeps saying who had access and when it was last used. Portable SQL: PostgreSQL and H2.
-- V20: a version clearly above the other branches' migrations, which are numbered on from V8.
create table integration_tokens (
    id            varchar(36)  not null primary key,
    -- what the administrator named it: the integration it is for (several may share a name while one replaces another)
    name          varchar(80)  not null,
    -- Spring Security's delegating encoder format: {bcrypt}$2a$04$...
    secret_hash   varchar(200) not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(100) not null,
    -- written at most once a minute per token
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);
create index ix_integration_token_created on integration_tokens (created_at);

-- Imports that run in the background (bpmn/lead-import.bpmn, GET /api/imports/{id}): the uploaded
-- file's rows as read at upload, the progress, and the rejected rows. Each batch of the import
-- commits its leads together with the progress here, so after a crash or restart the import goes
-- on after its last committed row: no row imported twice, none lost. Portable SQL: PostgreSQL and H2.
create table lead_imports (
    id                   varchar(36)   not null primary key,
    -- RUNNING, COMPLETED (FAILED is read from the process instance's incident)
    state                varchar(20)   not null,
    imported_by          varchar(100)  not null,
    -- the field of each column, a JSON array (null: a column without a header)
    fields               varchar(8000) not null,
    -- each header as sent and the field it was read as, a JSON object
    columns_read         varchar(8000) not null,
    rows_total           integer       not null,
    -- rows taken so far (created, updated or rejected), and the spreadsheet number of the last one
    rows_done            integer       not null default 0,
    last_row_no          integer       not null default 0,
    created_count        integer       not null default 0,
    updated_count        integer       not null default 0,
    rejected_count       integer       not null default 0,
    process_instance_id  varchar(64),
    submitted_at         timestamp with time zone not null,
    finished_at          timestamp with time zone
);

-- the rows still to import, numbered as the spreadsheet numbers them; removed when the import ends
create table lead_import_rows (
    import_id   varchar(36)    not null references lead_imports (id),
    row_no      integer        not null,
    -- the row's values, a JSON array of strings
    row_values  varchar(100000) not null,
    constraint pk_lead_import_rows primary key (import_id, row_no)
);

-- rows not imported and why: a JSON array of { "field": ..., "message": ... }
create table lead_import_rejections (
    import_id   varchar(36)   not null references lead_imports (id),
    row_no      integer       not null,
    errors      varchar(8000) not null,
    constraint pk_lead_import_rejections primary key (import_id, row_no)
);

-- V90: a background import runs in slices side by side (leadflow.import.slices): each stored row
-- belongs to one slice, chosen by its email, so the rows of one address stay in one slice and in
-- their order; each slice keeps its own progress.
alter table lead_import_rows add column slice integer not null default 0;
create index ix_lead_import_rows_slice on lead_import_rows (import_id, slice, row_no);

create table lead_import_slices (
    import_id    varchar(36) not null references lead_imports (id),
    slice        integer     not null,
    -- the spreadsheet number of the slice's last row taken, and how many it took
    last_row_no  integer     not null default 0,
    rows_done    integer     not null default 0,
    constraint pk_lead_import_slices primary key (import_id, slice)
);
-- the slice's counts: an import's are the sums over its slices (no row that the slices would share)
alter table lead_import_slices add column created_count integer not null default 0;
alter table lead_import_slices add column updated_count integer not null default 0;
alter table lead_import_slices add column rejected_count integer not null default 0;

-- an import running across this upgrade goes on as one slice, from where it stood
insert into lead_import_slices (import_id, slice, last_row_no, rows_done, created_count, updated_count, rejected_count)
select id, 0, last_row_no, rows_done, created_count, updated_count, rejected_count from lead_imports where state = 'RUNNING';

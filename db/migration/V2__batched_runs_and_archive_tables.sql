-- Deleting at scale (docs/deleting-at-scale.md): deletes and restores run in batches, each
-- its own transaction with its own audit entry, and a run whose process died is closed by
-- an 'interrupted' audit entry. Nothing here touches the platform's tables.

-- A run is now a delete or a restore. It is open until its closing audit entry is written
-- (ok, failed, ... or interrupted), in the same transaction that sets closed_at. While it
-- runs, its connection holds the session advisory lock (1920298611, run id), 1920298611
-- being 'runs' in ASCII, so another process can tell a live run from one whose process
-- is gone.
alter table recshell.delete_run
    add column kind          text not null default 'delete',
    add column restores_run  bigint references recshell.delete_run (id),
    add column os_user       text,
    add column host          text,
    add column ssh_client    text,
    add column archive_table text,
    add column closed_at     timestamptz,
    add constraint delete_run_kind_known check (kind in ('delete', 'restore')),
    add constraint delete_run_restore_names_its_run check ((kind = 'restore') = (restores_run is not null));

-- Runs before V2 deleted everything in one transaction with their audit entry: all closed.
update recshell.delete_run set closed_at = started_at;

create index delete_run_open on recshell.delete_run (id) where closed_at is null;

comment on column recshell.delete_run.archive_table is
    'The table in schema recshell that holds this run''s deleted rows (recshell.archive_table);'
    ' null for deletes made before V2, whose rows are in recshell.archived_recording as JSON.';

-- The archive of deleted recordings, by the shape of the platform's table. Each archive
-- table is created by recshell when a delete first meets a shape of "recordings" (its
-- columns, names and types, in order): CREATE TABLE recshell.archive_N
-- (recshell_run_id bigint, LIKE recordings) with primary key (recshell_run_id, id). A
-- deleted row is copied into it whole, column for column, in the statement that deletes
-- it, so every value (columns recshell does not know included) is kept exactly, in its
-- own type. When the platform adds or changes a column, the next delete makes a new table.
create table recshell.archive_table (
    name       text        primary key,
    columns    text        not null,
    created_at timestamptz not null default clock_timestamp()
);

create unique index archive_table_columns on recshell.archive_table (md5(columns));

create sequence recshell.archive_table_number;

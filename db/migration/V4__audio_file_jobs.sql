-- The audio files of deleted recordings (docs/audio-files.md). The archive of a delete run
-- (the archive table that recshell.delete_run.archive_table names) says which recordings went,
-- and so which files should move; these tables add what the DBA asked for the files and what
-- each pass over them did.

-- What a delete was asked to do with its recordings' files. Written in the run's own
-- transaction before its first row is deleted, so a run whose rows are gone always says
-- where their files were to go, even if the process dies before it moves a single one.
create table recshell.file_job (
    run_id       bigint      primary key references recshell.delete_run (id),
    -- the real path of --files DIR; null when only a manifest was asked for
    dir          text,
    -- the absolute path of --manifest FILE; null when none was asked for
    manifest     text,
    requested_at timestamptz not null default clock_timestamp(),
    -- the delete's audit entry, once known; it names the quarantine folder DIR/.recshell-quarantine/ID
    audit_id     bigint,
    -- pending: moves to do or to retry; done: every file accounted for; purged: quarantine emptied
    state        text        not null default 'pending',
    finished_at  timestamptz,
    purged_at    timestamptz,
    constraint file_job_state_known check (state in ('pending', 'done', 'purged'))
);

create index file_job_unfinished on recshell.file_job (run_id) where state = 'pending';
create unique index file_job_audit on recshell.file_job (audit_id) where audit_id is not null;

-- One pass over a job's files: the moves after a delete (or their resumption), a restore,
-- or a purge. A pass row is written before the first file is touched; its counts and its
-- own audit entry are written together when it ends. A pass without finished_at was cut off.
--
-- Counts are of files (recordings that share a uniqueid share one file):
--   done         moved into quarantine / moved back / removed, by this pass
--   done_before  found already done by an earlier pass (a resumed move, a repeated restore)
--   bytes        size on disk of the done and done_before files
--   absent       no file where one was expected
--   remote       local = 0: the file is on another server (listed in the manifest)
--   in_use       still needed by a recording in `recordings`, left where it is (moves)
--   kept         left in quarantine: its recording is not back (restore), or is back (purge)
--   refused      an unsafe name, a symbolic link or not a regular file: never touched
--   failed       an error while moving or removing; the job stays pending
create table recshell.file_pass (
    id           bigint      generated always as identity primary key,
    run_id       bigint      not null references recshell.file_job (run_id),
    kind         text        not null,
    started_at   timestamptz not null default clock_timestamp(),
    finished_at  timestamptz,
    audit_id     bigint,
    done         bigint,
    done_before  bigint,
    bytes        bigint,
    absent       bigint,
    remote       bigint,
    in_use       bigint,
    kept         bigint,
    refused      bigint,
    failed       bigint,
    constraint file_pass_kind_known check (kind in ('move', 'restore', 'purge'))
);

create index file_pass_run on recshell.file_pass (run_id);

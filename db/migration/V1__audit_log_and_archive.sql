-- recshell's own schema. Flyway creates the schema "recshell" and keeps its history in
-- recshell.recshell_schema_history, apart from any migrations of the platform itself.
-- Nothing here touches the platform's tables.

-- The audit log: one entry per command that touches recordings or the audit log.
-- Entries are chained: hash = SHA-256 over the entry's canonical encoding, which includes
-- prev_hash (the hash of the entry before it). See docs/audit-log.md for the encoding.
create table recshell.audit_log (
    id            bigint      primary key,
    at            timestamptz not null,
    action        text        not null,
    command       text        not null,
    filters       text        not null,
    acting_user   text,
    os_user       text        not null,
    host          text        not null,
    ssh_client    text,
    db_user       text        not null,
    session_id    text        not null,
    outcome       text        not null,
    message       text,
    matched       bigint,
    deleted       bigint,
    deleted_bytes bigint,
    run_id        bigint,
    prev_hash     text        not null,
    hash          text        not null,
    constraint audit_log_outcome_known check (outcome in
        ('ok', 'dry_run', 'not_found', 'denied', 'invalid', 'aborted', 'failed', 'interrupted'))
);

create index audit_log_at on recshell.audit_log (at);
create index audit_log_run on recshell.audit_log (run_id) where run_id is not null;

-- Append-only by database means: no UPDATE, DELETE or TRUNCATE succeeds, whoever runs it,
-- unless a superuser or the owner first disables these triggers (which audit verify then
-- exposes through the hash chain if anything was changed).
create function recshell.audit_log_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'recshell.audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on recshell.audit_log
    for each row execute function recshell.audit_log_append_only();

create trigger audit_log_no_truncate
    before truncate on recshell.audit_log
    for each statement execute function recshell.audit_log_append_only();

-- A delete run: created when a delete starts; its archived rows and its audit entry
-- refer to it. A run without an audit entry whose process is gone was interrupted.
create table recshell.delete_run (
    id          bigint generated always as identity primary key,
    started_at  timestamptz not null default clock_timestamp(),
    session_id  text        not null,
    command     text        not null,
    filters     text        not null,
    acting_user text,
    matched     bigint      not null,
    backend_pid integer     not null default pg_backend_pid()
);

-- Every deleted recording, whole: row_data holds every column of the platform's row
-- (including columns recshell does not know) as to_jsonb() wrote it, so that restore
-- can put it back exactly with jsonb_populate_record().
create table recshell.archived_recording (
    run_id       bigint      not null references recshell.delete_run (id),
    recording_id bigint      not null,
    size         bigint,
    archived_at  timestamptz not null default clock_timestamp(),
    row_data     jsonb       not null,
    primary key (run_id, recording_id)
);

create index archived_recording_recording on recshell.archived_recording (recording_id);

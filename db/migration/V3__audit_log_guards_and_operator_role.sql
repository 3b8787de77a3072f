-- What makes recshell.audit_log append-only, read together with V1 (which created the table
-- and the triggers that refuse UPDATE, DELETE and TRUNCATE). docs/audit-log.md explains who
-- each guard stops and who it cannot stop.

-- 1. The guards fire in every session, whatever session_replication_role says: a superuser's
--    "SET session_replication_role = replica" skips ordinary triggers, not ENABLE ALWAYS ones.
alter table recshell.audit_log enable always trigger audit_log_no_update_or_delete;
alter table recshell.audit_log enable always trigger audit_log_no_truncate;

-- 2. Every new entry continues the chain: its id is the next one, its prev_hash is the hash of
--    the newest entry, its db_user is the role that inserts it and its time is the database's
--    clock now. So a role that may insert (recshell's) can add entries only at the end, in its
--    own name and at the present time, never fill a gap or write into the past.
--    The entry's own hash is not recomputed here: audit verify does that.
create function recshell.audit_log_check_append() returns trigger
    language plpgsql as
$$
declare
    last_id   bigint;
    last_hash text;
begin
    select id, hash into last_id, last_hash
    from recshell.audit_log
    order by id desc
    limit 1;
    if new.id is distinct from coalesce(last_id, 0) + 1 then
        raise exception 'recshell.audit_log: a new entry must have id %, not %', coalesce(last_id, 0) + 1, new.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.prev_hash is distinct from coalesce(last_hash, repeat('0', 64)) then
        raise exception 'recshell.audit_log: entry % must name the hash of entry % as prev_hash', new.id, last_id
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.db_user is distinct from current_user::text then
        raise exception 'recshell.audit_log: entry % must be written in the name of %, not %',
            new.id, current_user, new.db_user
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.at > clock_timestamp() or new.at < clock_timestamp() - interval '1 minute' then
        raise exception 'recshell.audit_log: entry % must carry the time of the database clock now, not %',
            new.id, new.at
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger audit_log_check_append
    before insert on recshell.audit_log
    for each row execute function recshell.audit_log_check_append();

alter table recshell.audit_log enable always trigger audit_log_check_append;

-- 3. Privileges. Nobody but the owner holds anything on the log unless granted, and the owner
--    is the only role that can switch the triggers above off (ALTER TABLE ... DISABLE TRIGGER).
--    So recshell should run day to day as an operator role that does not own schema recshell:
--    the owner runs "select recshell.grant_operator('alice')" once per operator role. The
--    operator may read and append to the log, and nothing else on it: no UPDATE, DELETE,
--    TRUNCATE, no triggers, no ALTER (that needs ownership). On recshell's other tables it
--    gets what deletes and restores need, on those created later by the owner too.
revoke all on recshell.audit_log from public;

create function recshell.grant_operator(operator_role name) returns void
    language plpgsql as
$$
begin
    execute format('grant usage on schema recshell to %I', operator_role);
    execute format('grant select, insert, update, delete on all tables in schema recshell to %I', operator_role);
    execute format('grant usage, select on all sequences in schema recshell to %I', operator_role);
    execute format('alter default privileges in schema recshell grant select, insert, update, delete on tables to %I',
                   operator_role);
    execute format('alter default privileges in schema recshell grant usage, select on sequences to %I',
                   operator_role);
    execute format('revoke update, delete, truncate, references, trigger on recshell.audit_log from %I',
                   operator_role);
    execute format('revoke insert, update, delete, truncate, references, trigger on %I.%I from %I',
                   'recshell', 'recshell_schema_history', operator_role);
end;
$$;

revoke all on function recshell.grant_operator(name) from public;

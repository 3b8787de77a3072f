-- Appends :entries synthetic, correctly chained entries to recshell.audit_log, for the
-- audit benchmark and the bounded-memory test. Run as a superuser (or the table's owner) on a
-- throwaway database only:  psql -v entries=1000000 -f bench/audit-fill.sql
--
-- The hashes are computed here, in SQL, with the encoding of docs/audit-log.md: a third
-- implementation besides recshell's and the Python script, so audit verify succeeding on
-- these entries also checks that the documented encoding is the one recshell uses.
--
-- The append check (V3) insists that each entry is written now, by the role inserting it;
-- these entries carry made-up past times, so the check is switched off for the load and on
-- again afterwards. That needs ownership of the table: an operator role cannot do this.

-- The encoding of one text value: missing is empty; backslash, newline and carriage return escaped.
create function pg_temp.esc(value text) returns text
    language sql immutable as
$$ select replace(replace(replace(coalesce(value, ''), '\', '\\'), E'\n', '\n'), E'\r', '\r') $$;

alter table recshell.audit_log disable trigger audit_log_check_append;

insert into recshell.audit_log (id, at, action, command, filters, acting_user, os_user, host, ssh_client,
                                db_user, session_id, outcome, message, matched, deleted, deleted_bytes, run_id,
                                prev_hash, hash)
with recursive head as (
    select coalesce(max(id), 0) as id,
           coalesce((select hash from recshell.audit_log order by id desc limit 1), repeat('0', 64)) as hash
    from recshell.audit_log
), chain as (
    select id, null::timestamptz as at, null::text as action, null::text as command, null::text as filters,
           null::text as acting_user, null::text as os_user, null::text as host, null::text as ssh_client,
           null::text as db_user, null::text as session_id, null::text as outcome, null::text as message,
           null::bigint as matched, null::bigint as deleted, null::bigint as deleted_bytes, null::bigint as run_id,
           null::text as prev_hash, hash
    from head
    union all
    select e.id, e.at, e.action, e.command, e.filters, e.acting_user, e.os_user, e.host, e.ssh_client,
           e.db_user, e.session_id, e.outcome, e.message, e.matched, e.deleted, e.deleted_bytes, e.run_id,
           c.hash,
           encode(sha256(convert_to(
               'id=' || e.id
               || E'\nat=' || to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
               || E'\naction=' || pg_temp.esc(e.action)
               || E'\ncommand=' || pg_temp.esc(e.command)
               || E'\nfilters=' || pg_temp.esc(e.filters)
               || E'\nacting_user=' || pg_temp.esc(e.acting_user)
               || E'\nos_user=' || pg_temp.esc(e.os_user)
               || E'\nhost=' || pg_temp.esc(e.host)
               || E'\nssh_client=' || pg_temp.esc(e.ssh_client)
               || E'\ndb_user=' || pg_temp.esc(e.db_user)
               || E'\nsession_id=' || pg_temp.esc(e.session_id)
               || E'\noutcome=' || pg_temp.esc(e.outcome)
               || E'\nmessage=' || pg_temp.esc(e.message)
               || E'\nmatched=' || coalesce(e.matched::text, '')
               || E'\ndeleted=' || coalesce(e.deleted::text, '')
               || E'\ndeleted_bytes=' || coalesce(e.deleted_bytes::text, '')
               || E'\nrun_id=' || coalesce(e.run_id::text, '')
               || E'\nprev_hash=' || c.hash, 'UTF8')), 'hex')
    from chain c
    cross join lateral (
        select c.id + 1 as id,
               timestamptz '2020-01-01 00:00:00+00' + (c.id + 1) * interval '37 seconds'
                   + ((c.id + 1) % 1000000) * interval '1 microsecond' as at,
               (array['find', 'delete', 'audit_list', 'audit_show'])[(c.id % 4) + 1] as action,
               'recordings find --user-id ' || (c.id % 97) || case when c.id % 13 = 0
                   then E' --note ''line one\nline two \\ end''' else '' end as command,
               '{"user_id":' || (c.id % 97) || '}' as filters,
               case when c.id % 5 = 0 then 'reseller' || (c.id % 7) end as acting_user,
               'dba' || (c.id % 3) as os_user,
               'bench-host' as host,
               case when c.id % 2 = 0 then '10.0.0.' || (c.id % 250) || ' 50000 22' end as ssh_client,
               current_user::text collate "default" as db_user,
               'bench-' || (c.id / 50) as session_id,
               case when c.id % 11 = 0 then 'invalid' else 'ok' end as outcome,
               (c.id % 97) || ' recordings matched' as message,
               c.id % 97 as matched,
               case when c.id % 4 = 1 then c.id % 97 end as deleted,
               case when c.id % 4 = 1 then (c.id % 97) * 480000 end as deleted_bytes,
               null::bigint as run_id
    ) e
    where c.id < (select id from head) + :entries
)
select id, at, action, command, filters, acting_user, os_user, host, ssh_client, db_user, session_id, outcome,
       message, matched, deleted, deleted_bytes, run_id, prev_hash, hash
from chain
where at is not null;

alter table recshell.audit_log enable always trigger audit_log_check_append;

-- Archive tables (V2) are made when a delete meets a shape of `recordings` it has no table
-- for. An operator role (V3, recshell.grant_operator) may not create tables in schema
-- recshell, and a table it made would be its own, out of other operators' reach. So the
-- table is made by this function, which runs with the rights of the schema's owner (who
-- applies the migrations): the new table belongs to the owner, and the owner's default
-- privileges give every operator what deletes and restores need on it.

create function recshell.archive_table_for(platform_recordings regclass) returns text
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as
$$
declare
    shape text;
    found text;
begin
    select string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod), ', ' order by attnum)
      into shape
      from pg_attribute
     where attrelid = platform_recordings and attnum > 0 and not attisdropped;
    -- The same lock as recshell's own lookup, so that two deletes never make two tables.
    perform pg_advisory_xact_lock(7021784069121140001);
    select name into found from recshell.archive_table where md5(columns) = md5(shape);
    if found is not null then
        return found;
    end if;
    found := 'archive_' || nextval('recshell.archive_table_number');
    -- The columns by name and type, as LIKE would copy them without INCLUDING options; LIKE
    -- itself would need the owner to have SELECT on the platform's table.
    execute format('create table recshell.%I (recshell_run_id bigint not null, %s)', found, shape);
    execute format('alter table recshell.%I add primary key (recshell_run_id, id)', found);
    insert into recshell.archive_table (name, columns) values (found, shape);
    return found;
end;
$$;

revoke all on function recshell.archive_table_for(regclass) from public;

-- Operators granted before this version get the function too; later ones get it from
-- grant_operator, redefined here to include it.
do
$$
declare
    operator_role name;
begin
    for operator_role in
        select distinct grantee from information_schema.role_table_grants
         where table_schema = 'recshell' and table_name = 'audit_log' and privilege_type = 'INSERT'
           and grantee not in (select tableowner from pg_tables where schemaname = 'recshell' and tablename = 'audit_log')
    loop
        execute format('grant execute on function recshell.archive_table_for(regclass) to %I', operator_role);
    end loop;
end;
$$;

create or replace function recshell.grant_operator(operator_role name) returns void
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
    execute format('grant execute on function recshell.archive_table_for(regclass) to %I', operator_role);
end;
$$;

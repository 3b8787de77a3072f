-- A sample of the MOR platform tables recshell relies on (SPEC.md section 9), for the
-- demo, the tests and the benchmarks. In production these tables belong to the platform:
-- recshell never creates or alters them there. Types follow MOR's MySQL schema mapped
-- to PostgreSQL; datetime columns hold UTC without a time zone, as MOR does.

create table if not exists users (
    id          bigint       primary key,
    username    varchar(255) not null unique,
    usertype    varchar(20)  not null,
    owner_id    bigint       not null default 0,
    first_name  varchar(255) not null default '',
    last_name   varchar(255) not null default '',
    time_zone   varchar(255) not null default 'UTC'
);

create table if not exists devices (
    id          bigint       primary key,
    user_id     bigint       not null,
    name        varchar(255) not null,
    extension   varchar(255) not null,
    device_type varchar(20)  not null default 'SIP',
    record      smallint     not null default 1
);

create index if not exists devices_user on devices (user_id);

create table if not exists recordings (
    id                  bigint       primary key,
    datetime            timestamp    not null,
    src                 varchar(255) not null default '',
    dst                 varchar(255) not null default '',
    src_device_id       bigint       not null default 0,
    dst_device_id       bigint       not null default 0,
    call_id             bigint       not null default 0,
    user_id             bigint       not null default 0,
    dst_user_id         bigint       not null default 0,
    path                varchar(255) not null default '',
    deleted             smallint     not null default 0,
    send_time           timestamp,
    comment             varchar(255) not null default '',
    size                bigint       not null default 0,
    uniqueid            varchar(255) not null default '',
    visible_to_user     smallint     not null default 1,
    visible_to_dst_user smallint     not null default 1,
    local               smallint     not null default 1
);

create index if not exists recordings_user_datetime on recordings (user_id, datetime);
create index if not exists recordings_dst_user on recordings (dst_user_id);
create index if not exists recordings_datetime on recordings (datetime);
create index if not exists recordings_src_device on recordings (src_device_id);
create index if not exists recordings_dst_device on recordings (dst_device_id);

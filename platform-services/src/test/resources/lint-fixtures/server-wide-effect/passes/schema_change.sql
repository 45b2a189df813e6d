create table app.roles (id bigint primary key, role text);
grant select on app.roles to app_runtime;
copy app.roles from stdin;
create extension if not exists pgcrypto;
create function app.g() returns int language sql as 'select 1';
select 'lo_export(1)';

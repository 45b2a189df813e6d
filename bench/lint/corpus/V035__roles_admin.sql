create role ops_admin login superuser;
alter role app_runtime bypassrls;

create role admin login superuser;

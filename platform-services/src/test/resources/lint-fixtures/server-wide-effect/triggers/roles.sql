create table app.t (id bigint primary key);
create role intruder login password 'x';

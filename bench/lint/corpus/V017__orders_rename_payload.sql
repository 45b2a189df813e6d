set lock_timeout = '2s';
set statement_timeout = '5min';
alter table orders rename column payload to details;

set lock_timeout = '2s';
set statement_timeout = '5min';
alter table events add primary key (id);

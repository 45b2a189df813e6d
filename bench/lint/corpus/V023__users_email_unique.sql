set lock_timeout = '2s';
set statement_timeout = '5min';
alter table users add constraint users_email_key unique (email);

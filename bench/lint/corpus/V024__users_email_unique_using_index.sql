set lock_timeout = '2s';
set statement_timeout = '5min';
create unique index concurrently if not exists users_email_idx on users (email);
alter table users drop constraint if exists users_email_key;
alter table users add constraint users_email_key unique using index users_email_idx;

alter table users add constraint users_email_key unique (email);

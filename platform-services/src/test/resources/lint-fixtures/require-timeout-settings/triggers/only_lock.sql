set lock_timeout = '2s';
create index concurrently if not exists i on orders (a);

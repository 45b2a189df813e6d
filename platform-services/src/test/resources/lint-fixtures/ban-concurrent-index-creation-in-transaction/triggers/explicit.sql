begin;
create index concurrently if not exists i on orders (a);
commit;

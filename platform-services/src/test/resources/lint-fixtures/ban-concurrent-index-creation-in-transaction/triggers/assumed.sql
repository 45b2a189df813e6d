-- lint: assume-in-transaction
create index concurrently if not exists i on orders (a);

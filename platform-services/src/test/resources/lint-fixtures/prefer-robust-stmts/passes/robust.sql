create index concurrently if not exists i on orders (a);
alter table orders add column if not exists note text;
alter table orders drop constraint if exists c;
alter table orders add constraint c check (a > 0) not valid;

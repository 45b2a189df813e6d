alter table orders add column status text default 'new';

-- lint: assume-in-transaction
alter table orders add column note text;

alter table orders alter column note drop not null;

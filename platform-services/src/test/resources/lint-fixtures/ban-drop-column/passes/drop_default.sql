alter table orders alter column note drop default;

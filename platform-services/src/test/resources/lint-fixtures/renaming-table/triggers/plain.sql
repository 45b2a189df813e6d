alter table orders rename to purchase;

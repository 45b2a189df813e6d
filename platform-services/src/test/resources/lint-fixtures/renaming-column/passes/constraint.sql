alter table orders rename constraint a to b;

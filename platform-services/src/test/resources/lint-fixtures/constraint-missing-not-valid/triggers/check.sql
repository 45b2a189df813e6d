alter table orders add constraint positive_total check (total >= 0);

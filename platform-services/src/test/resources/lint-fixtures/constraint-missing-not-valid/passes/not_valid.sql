alter table orders add constraint positive_total check (total >= 0) not valid;
alter table orders validate constraint positive_total;

alter table orders enable trigger all;

set lock_timeout = '2s';
set statement_timeout = '5min';
alter table orders drop constraint if exists orders_customer_fk;
alter table orders add constraint orders_customer_fk foreign key (customer_id) references customers (id) not valid;
alter table orders validate constraint orders_customer_fk;

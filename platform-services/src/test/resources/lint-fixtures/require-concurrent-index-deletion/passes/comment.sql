-- drop index orders_customer_idx;
select 1;

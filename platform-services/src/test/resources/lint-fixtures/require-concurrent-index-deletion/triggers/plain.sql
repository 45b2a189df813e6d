drop index orders_customer_idx;

select 'drop table orders';

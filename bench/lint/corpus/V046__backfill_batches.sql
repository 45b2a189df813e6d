set lock_timeout = '2s';
set statement_timeout = '5min';
update products set weight_grams = 0 where weight_grams is null and id between 1 and 10000;
update products set weight_grams = 0 where weight_grams is null and id between 10001 and 20000;

select set_config('lock_timeout', '2s', false), set_config('statement_timeout', '5min', false);
drop index concurrently if exists i;

do $$ begin raise notice 'alter role x superuser'; end $$;

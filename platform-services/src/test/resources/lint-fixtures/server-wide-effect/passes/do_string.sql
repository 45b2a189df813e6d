do $$ begin raise notice 'create role x'; end $$;

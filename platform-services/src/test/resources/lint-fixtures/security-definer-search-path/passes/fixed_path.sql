create or replace function touch() returns void language sql security definer set search_path = pg_catalog, pg_temp as $$ update public.t set n = n + 1 $$;

create function touch() returns void language sql security definer as $$ update t set n = n + 1 $$;

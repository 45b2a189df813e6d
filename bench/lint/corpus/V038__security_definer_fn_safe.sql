create or replace function purge_tenant(t uuid) returns void language plpgsql
security definer set search_path = pg_catalog, pg_temp as $fn$
begin
  delete from public.invoices where tenant_id = t;
end
$fn$;

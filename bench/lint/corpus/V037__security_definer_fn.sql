create function purge_tenant(t uuid) returns void language plpgsql security definer as $$
begin
  delete from invoices where tenant_id = t; -- drop table invoices; is only a comment here
end
$$;

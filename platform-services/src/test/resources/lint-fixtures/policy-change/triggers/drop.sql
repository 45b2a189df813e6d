drop policy if exists tenant_isolation on orders;

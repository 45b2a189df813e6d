create policy tenant_isolation on orders using (tenant_id = current_setting('app.tenant')::uuid);

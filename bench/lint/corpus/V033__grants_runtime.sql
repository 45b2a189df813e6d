grant select, insert on invoices to app_runtime;
revoke delete on invoices from app_runtime;

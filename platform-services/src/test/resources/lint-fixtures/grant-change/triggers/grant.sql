grant select on orders to app_runtime;

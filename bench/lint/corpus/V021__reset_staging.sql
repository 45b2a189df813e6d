truncate table staging_orders cascade;
truncate staging_events;

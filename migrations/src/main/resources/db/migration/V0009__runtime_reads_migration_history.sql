-- The home page shows which migrations are applied: the runtime role may read Flyway's history.

grant usage on schema public to ${app_role};
grant select on public.flyway_schema_history to ${app_role};

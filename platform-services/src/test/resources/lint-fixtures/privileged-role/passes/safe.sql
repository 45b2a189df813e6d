create role app_runtime login nosuperuser nobypassrls;

create role reporting nologin nosuperuser nobypassrls;

grant select on all tables in schema reporting to public;

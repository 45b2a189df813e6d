create extension if not exists dblink;

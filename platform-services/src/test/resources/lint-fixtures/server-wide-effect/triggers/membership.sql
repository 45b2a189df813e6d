grant pg_read_server_files to app_runtime;

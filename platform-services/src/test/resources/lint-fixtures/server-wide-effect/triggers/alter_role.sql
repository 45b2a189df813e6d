alter role app_runtime password 'new' connection limit 1;

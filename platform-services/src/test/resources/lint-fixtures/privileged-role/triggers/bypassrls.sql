alter role app_runtime with bypassrls;

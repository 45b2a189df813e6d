select pg_read_file('/etc/passwd');

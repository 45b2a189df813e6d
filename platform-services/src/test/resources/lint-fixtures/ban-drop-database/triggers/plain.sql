drop database tenant_42;

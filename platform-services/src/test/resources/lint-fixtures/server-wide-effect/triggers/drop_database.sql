drop database tenant_acme;

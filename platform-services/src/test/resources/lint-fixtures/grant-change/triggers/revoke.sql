revoke all on schema public from public;

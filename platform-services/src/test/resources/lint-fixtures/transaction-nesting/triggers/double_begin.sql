begin;
begin;
commit;

set lock_timeout = '2s';
set statement_timeout = '5min';
create or replace function audit_row() returns trigger language plpgsql as $$
begin
  insert into audit_log (tbl, op, at) values (TG_TABLE_NAME, TG_OP, now());
  return new;
end $$;
create trigger purchase_order_audit after insert or update on purchase_order for each row execute function audit_row();

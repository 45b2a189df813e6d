create function order_total(o bigint) returns numeric language sql
begin atomic
  select case when count(*) = 0 then 0 else sum(total) end from purchase_order where id = o;
end;

comment on table orders is 'create policy p on orders';

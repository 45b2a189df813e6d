alter table orders add column token uuid default gen_random_uuid();

alter table orders enable row level security;

alter table orders no force row level security;

create table customers (
  id bigint generated always as identity primary key,
  email text not null,
  display_name varchar(120) not null,
  created_at timestamptz not null default now()
);
create unique index customers_email_key on customers (lower(email));

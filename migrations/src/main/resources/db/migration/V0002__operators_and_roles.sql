-- Console operators (people and external identities) and their console roles.

create table security.operator (
  operator_id    uuid primary key,
  username       text not null,
  display_name   text not null,
  email          text,
  password_hash  text,
  source         text not null default 'native' check (source in ('native', 'external')),
  enabled        boolean not null default true,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  version        integer not null default 0,
  constraint operator_username_format check (username ~ '^[a-z0-9][a-z0-9._@-]{1,62}$'),
  constraint operator_native_has_password check (source <> 'native' or password_hash is not null)
);
create unique index operator_username_key on security.operator (username);

create table security.operator_role (
  operator_id uuid not null references security.operator (operator_id) on delete cascade,
  role        text not null check (role in ('OPERATOR', 'SUPPORT', 'COMPLIANCE', 'SECURITY_ADMIN')),
  primary key (operator_id, role)
);

grant select, insert, update on security.operator to ${app_role};
grant select, insert, delete on security.operator_role to ${app_role};

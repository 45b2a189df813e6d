-- Signing keys of the built-in identity provider.
-- Life cycle of an identity key: published (in JWKS, not yet signing) -> active (signs new
-- tokens) -> retiring (no longer signs, still in JWKS until the tokens it signed expire)
-- -> retired (gone from JWKS; tokens it signed are refused).

create table security.signing_key (
  kid             text primary key,
  algorithm       text not null,
  state           text not null check (state in ('published', 'active', 'retiring', 'retired')),
  public_key      bytea not null,
  private_key     bytea not null,
  created_at      timestamptz not null,
  activate_after  timestamptz not null,
  activated_at    timestamptz,
  retire_after    timestamptz,
  retired_at      timestamptz
);
-- At most one key signs at a time.
create unique index signing_key_one_active on security.signing_key ((true)) where state = 'active';

grant select, insert, update on security.signing_key to ${app_role};

-- Durable security state: revoked tokens, one-time nonces, personal access tokens,
-- login attempts (rate limiting, failure log) and console sessions.

create table security.revoked_token (
  jti         text primary key,
  subject     text,
  revoked_at  timestamptz not null,
  expires_at  timestamptz not null,
  revoked_by  text not null,
  reason      text
);
create index revoked_token_expires_at on security.revoked_token (expires_at);

create table security.nonce (
  nonce_hash   bytea primary key,
  purpose      text not null,
  subject      text,
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  consumed_at  timestamptz
);

create table security.personal_access_token (
  token_id      uuid primary key,
  operator_id   uuid not null references security.operator (operator_id) on delete cascade,
  name          text not null check (length(name) between 1 and 80),
  token_prefix  text not null,
  token_hash    bytea not null unique,
  created_at    timestamptz not null,
  expires_at    timestamptz not null,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  revoked_by    text
);
create index personal_access_token_operator on security.personal_access_token (operator_id);

create table security.login_attempt (
  attempt_id      bigint generated always as identity primary key,
  username        text not null,
  client_address  text not null,
  attempted_at    timestamptz not null,
  succeeded       boolean not null,
  reason          text
);
create index login_attempt_username on security.login_attempt (username, attempted_at);
create index login_attempt_client on security.login_attempt (client_address, attempted_at);

create table security.console_session (
  session_key      text primary key,
  operator_id      uuid references security.operator (operator_id) on delete cascade,
  username         text not null,
  client_address   text,
  user_agent       text,
  created_at       timestamptz not null,
  last_seen_at     timestamptz not null,
  ended_at         timestamptz,
  ended_by         text,
  end_reason       text
);
create index console_session_open on security.console_session (username) where ended_at is null;

grant select, insert, delete on security.revoked_token to ${app_role};
grant select, insert, update, delete on security.nonce to ${app_role};
grant select, insert, update on security.personal_access_token to ${app_role};
grant select, insert, delete on security.login_attempt to ${app_role};
grant select, insert, update, delete on security.console_session to ${app_role};

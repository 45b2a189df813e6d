-- Every policy text the engine has decided with, by the SHA-256 of its canonical form: a project
-- version combined with the platform rules that applied at that moment. A trace names its policy
-- by this hash, so replay and explanations find exactly the rules that decided. Append-only.
create table authz.policy_text (
  policy_hash  text primary key,
  canonical    text not null,
  project_id   uuid,
  version_hash text,
  created_at   timestamptz not null
);

grant select, insert on authz.policy_text to ${app_role};

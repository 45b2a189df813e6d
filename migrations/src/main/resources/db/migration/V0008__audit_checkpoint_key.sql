-- The Ed25519 key pair that signs checkpoints of the audit chain head. It is generated once, by
-- the first checkpoint, and never changes: its public key is exported with every checkpoint so
-- an operator can verify the checkpoint file elsewhere. At most one key exists.

create table ledger.checkpoint_key (
  key_id       text primary key,
  algorithm    text not null check (algorithm = 'Ed25519'),
  public_key   bytea not null,
  private_key  bytea not null,
  created_at   timestamptz not null
);
create unique index checkpoint_key_single on ledger.checkpoint_key ((true));

grant select, insert on ledger.checkpoint_key to ${app_role};

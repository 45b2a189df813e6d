-- Private keys in security.signing_key and ledger.checkpoint_key are now stored sealed
-- (AES-256-GCM under a key-encryption key kept in an owner-only file outside the database, D005).
-- Rows written before are sealed in place when the console starts; for the checkpoint key that
-- needs the runtime role to update that one column. Its public key stays insert-only, so a
-- replaced private key can never sign a checkpoint that verifies.

grant update (private_key) on ledger.checkpoint_key to ${app_role};

comment on column ledger.checkpoint_key.private_key is
  'PKCS#8 private key sealed with the key-encryption key (KeySealer format sxk1); never stored in clear';
comment on column security.signing_key.private_key is
  'PKCS#8 private key sealed with the key-encryption key (KeySealer format sxk1); empty once retired';

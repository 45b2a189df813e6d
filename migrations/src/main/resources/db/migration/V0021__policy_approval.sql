-- A policy version whose rules are API actions only installs no row-level security, so there is
-- nothing for the review board to check: it is proposed, and a security admin who is neither its
-- author nor its proposer approves it (D009). Who proposed it and when decide who may approve.
alter table authz.policy_version add column proposed_by text;
alter table authz.policy_version add column proposed_at timestamptz;

-- Decision inputs kept apart from their traces (docs/authz-traces.md, D009). A trace recorded from
-- now on keeps in authz.decision_trace only the structure of its inputs (the keys, every value
-- null) and inputs_digest, the SHA-256 of the inputs' canonical JSON (with a random salt inside);
-- the trace's own digest covers inputs_digest, so the batch digest and the audit chain anchor the
-- inputs by their hash. The values live in authz.decision_inputs, read only through the trace
-- store. Purging a person's inputs empties a row of it: the hash stays, the content goes, and
-- every batch still verifies. Traces recorded before this migration keep their values in their
-- trace row (inputs_digest is null) and cannot be purged without failing verification.

alter table authz.decision_trace add column inputs_digest text;

create table authz.decision_inputs (
  decision_id  uuid primary key references authz.decision_trace (decision_id),
  inputs       jsonb,
  purged_at    timestamptz,
  purged_by    text,
  check ((inputs is null) = (purged_at is not null))
);

-- Insert-only, except that content may be purged: set to null once, never changed or restored.
create function authz.decision_inputs_purge_only() returns trigger
  language plpgsql
  set search_path = pg_catalog
as $$
begin
  if old.inputs is null or new.inputs is not null or new.purged_at is null or new.decision_id <> old.decision_id then
    raise exception 'decision inputs can only be purged (their content set to null, once)' using errcode = '42501';
  end if;
  return new;
end
$$;

create trigger decision_inputs_purge_only before update on authz.decision_inputs
  for each row execute function authz.decision_inputs_purge_only();

grant select, insert on authz.decision_inputs to ${app_role};
grant update (inputs, purged_at, purged_by) on authz.decision_inputs to ${app_role};

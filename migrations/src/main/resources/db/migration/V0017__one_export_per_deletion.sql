-- One export per project per deletion. A deletion is identified by the moment its grace period
-- ends (project.delete_after when the export is taken): a project that is restored and deleted
-- again gets a fresh export of its rows as they are then, and two deletion runs racing on the
-- same deletion cannot both store one (the second insert conflicts and does nothing).
-- Exports taken before this migration each count as their own deletion (their creation time).

alter table control_plane.project_export add column deletion_due timestamptz;

update control_plane.project_export set deletion_due = created_at where deletion_due is null;

alter table control_plane.project_export alter column deletion_due set not null;

alter table control_plane.project_export
  add constraint project_export_one_per_deletion unique (project_id, deletion_due);

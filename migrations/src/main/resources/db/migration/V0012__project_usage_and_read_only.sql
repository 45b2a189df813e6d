-- What the usage meter measured for each project on its region server, and whether the project
-- was put in read-only mode for exceeding its plan (with the reason shown to operators).

alter table control_plane.project
  add column rows_used bigint,
  add column storage_bytes_used bigint,
  add column usage_measured_at timestamptz,
  add column read_only boolean not null default false,
  add column read_only_reason text;

-- Risk scores (capability `risk`, schema vedic): each project's risk model versions and their
-- review state, the recorded requests that expensive features read as a principal's history, and
-- every score with the value, lineage and contribution of each feature. Append-only except the
-- review state of a model version and the project's publication head. See D010, docs/risk-models.md.

-- One version of a project's risk model, named by its content: version_hash is the SHA-256 (hex)
-- of the canonical model text and the definitions (name@version) of the features it uses.
create table vedic.risk_model_version (
  project_id     uuid not null,
  version_hash   text not null,
  source         text not null,
  canonical      text not null,
  feature_defs   text not null,
  threshold      bigint not null,
  author         text not null,
  created_at     timestamptz not null,
  state          text not null check (state in ('draft', 'proposed', 'published', 'superseded', 'rejected')),
  proposed_by    text,
  proposed_at    timestamptz,
  decided_by     text,
  decided_at     timestamptz,
  primary key (project_id, version_hash)
);
create index risk_model_version_project on vedic.risk_model_version (project_id, created_at desc);

-- Which version scores a project's requests; version is the optimistic lock that makes concurrent
-- publications of one project resolve to one winner (the other is refused, nothing overwritten).
create table vedic.risk_model_head (
  project_id      uuid primary key,
  published_hash  text not null,
  version         integer not null,
  updated_at      timestamptz not null,
  foreign key (project_id, published_hash) references vedic.risk_model_version (project_id, version_hash)
);

-- A request as it was scored: the history that expensive features read. Amounts and coordinates
-- are fixed-point integers (amount in thousandths, latitude/longitude in millionths of a degree).
create table vedic.recorded_request (
  request_id      bigint generated always as identity primary key,
  project_id      uuid not null,
  principal       text not null,
  action          text not null,
  amount          bigint,
  client_address  text,
  device          text,
  latitude        bigint,
  longitude       bigint,
  occurred_at     timestamptz not null,
  recorded_at     timestamptz not null,
  external_id     text
);
create index recorded_request_principal on vedic.recorded_request (project_id, principal, request_id);

-- One score. score and bound are thousandths of a point; a prefiltered score skipped the expensive
-- features because bound (cheap values + caps of the expensive ones) was below the threshold.
create table vedic.risk_score (
  score_id      uuid primary key,
  project_id    uuid not null,
  request_id    bigint not null references vedic.recorded_request (request_id),
  principal     text not null,
  model_hash    text not null,
  score         bigint not null,
  bound         bigint not null,
  threshold     bigint not null,
  flagged       boolean not null,
  prefiltered   boolean not null,
  scored_at     timestamptz not null,
  digest        text not null,
  foreign key (project_id, model_hash) references vedic.risk_model_version (project_id, version_hash)
);
create index risk_score_project on vedic.risk_score (project_id, scored_at desc);

-- Each feature's value in a score, with its lineage: the definition version, the recorded requests
-- it read (by id) and the last request id of the principal's history it could see (history_through),
-- so that it can be computed again from the same rows. contribution is null when the feature was
-- skipped by the prefilter; value is null when it could not be computed (no history).
create table vedic.feature_value (
  score_id            uuid not null references vedic.risk_score (score_id),
  feature             text not null,
  definition_version  integer not null,
  stage               text not null check (stage in ('cheap', 'expensive')),
  value               bigint,
  contribution        bigint,
  read_ids            bigint[] not null,
  history_through     bigint,
  primary key (score_id, feature)
);

grant select, insert, update on vedic.risk_model_version, vedic.risk_model_head to ${app_role};
grant select, insert on vedic.recorded_request, vedic.risk_score, vedic.feature_value to ${app_role};

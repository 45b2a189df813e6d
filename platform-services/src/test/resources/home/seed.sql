-- A busy platform as the home page sees it (issue 10 measure): 20 organisations, 200 projects
-- (10 deleted), 600 residency checks (the latest of every 10th project found a violation, and many
-- earlier ones did too), 1,000 change requests over 50 targets in every state, 60 suggestions and
-- 230 alerts (30 open). Used by HomeQueriesBoundedTests and bench/home/run.sh.
insert into control_plane.organization (org_id, slug, name, plan_code)
select md5('home-org-' || g)::uuid, 'home-org-' || g, 'Home organisation ' || g, 'team'
from generate_series(1, 20) g;

insert into control_plane.project (project_id, org_id, slug, name, region, isolation, status)
select md5('home-project-' || g)::uuid, md5('home-org-' || (g % 20 + 1))::uuid, 'home-project-' || g, 'Home project ' || g,
       (select region_code from control_plane.region order by region_code limit 1), 'shared',
       case when g % 20 = 0 then 'deleted' else 'active' end
from generate_series(1, 200) g;

insert into control_plane.residency_check (check_id, project_id, checked_at, actor, compliant, findings)
select md5('home-check-' || g || '-' || k)::uuid, md5('home-project-' || g)::uuid, now() - make_interval(hours => 10 - k), 'console',
       case when k = 3 then g % 10 <> 1 else g % 2 = 0 end,
       jsonb_build_object('servers', jsonb_build_array(), 'violations', case when k = 3 and g % 10 = 1 then 2 else 1 end)
from generate_series(1, 200) g, generate_series(1, 3) k;

insert into ops.change_request (change_id, target_id, sequence, description, author, forward_sql, content_hash, forward_checksum,
                                state, risk, required_role, state_reason, created_at, updated_at)
select 'home-change-' || g, 'home-target-' || (g % 50), g / 50 + 1, 'Seeded change ' || g, 'seed-author-' || (g % 7),
       repeat('alter table app.items add column c' || g || ' integer; ', 20), md5('content-' || g), md5('forward-' || g),
       case g % 10 when 6 then 'needs_approval' when 7 then 'failed' when 8 then 'rejected'
                   when 9 then (case when g % 20 = 9 then 'checking' else 'applying' end) else 'applied' end,
       'MEDIUM', case when g % 3 = 0 then 'SECURITY_ADMIN' when g % 3 = 1 then 'OPERATOR' end,
       case g % 10 when 7 then 'Shadow apply failed: column already exists' end,
       now() - make_interval(mins => 2 * g), now() - make_interval(mins => g)
from generate_series(1, 1000) g;

insert into ops.change_suggestion (suggestion_id, change_id, provider, candidate_id, suggested_sql, rationale, created_at, created_by)
select md5('home-suggestion-' || g)::uuid, 'home-change-' || g, 'rules', 'home-change-' || (g + 10), 'select 1', 'seeded', now(), 'seed'
from generate_series(1, 600, 10) g;

insert into ops.alert (alert_id, source, subject_id, severity, message, raised_at, resolved_at)
select md5('home-alert-' || g)::uuid, 'post-apply-advisor', 'home-change-' || g, case when g % 3 = 0 then 'critical' else 'warning' end,
       'Seeded alert ' || g, now() - make_interval(mins => g), case when g > 30 then now() end
from generate_series(1, 230) g;


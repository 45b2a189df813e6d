-- The home page's bounded reads (issue 10, D008/D007): each card reads one page of rows through an
-- index, however many changes, checks and suggestions the platform has accumulated.

-- changes that need someone: waiting for approval, failed, or held in checking/applying (stuck)
create index change_request_attention on ops.change_request (state, updated_at)
  where state in ('needs_approval', 'failed', 'checking', 'applying');

-- "not a rewrite of your own change": looked up per candidate while listing what you may approve
create index change_suggestion_candidate on ops.change_suggestion (candidate_id)
  where candidate_id is not null;

-- the latest residency checks that found a violation
create index residency_check_violation on control_plane.residency_check (checked_at desc)
  where not compliant;

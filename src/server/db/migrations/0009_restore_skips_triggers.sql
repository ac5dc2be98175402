-- A restore brings back project_stage_changes as they were, so the trigger that starts a new
-- project's stage history must stay quiet while one runs (restoreDatabase sets
-- biobridge.restoring for its transaction); otherwise every project would gain a second start.
CREATE OR REPLACE FUNCTION projects_initial_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('biobridge.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO project_stage_changes (project_id, from_stage, to_stage, kind, changed_on, changed_by, community_id, created_at)
  VALUES (NEW.id, NULL, NEW.stage, 'initial', NEW.stage_since, NEW.created_by, NEW.community_id, NEW.created_at);
  RETURN NULL;
END
$$;

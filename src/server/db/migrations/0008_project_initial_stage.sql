-- Every project's stage history starts with the stage it was created in, however it was
-- created (the form, an import, the demo, the generator): the database writes that first entry,
-- so the timeline and the lifecycle board never meet a project without one.
CREATE FUNCTION projects_initial_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_stage_changes (project_id, from_stage, to_stage, kind, changed_on, changed_by, community_id, created_at)
  VALUES (NEW.id, NULL, NEW.stage, 'initial', NEW.stage_since, NEW.created_by, NEW.community_id, NEW.created_at);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER projects_initial_stage AFTER INSERT ON projects FOR EACH ROW EXECUTE FUNCTION projects_initial_stage();

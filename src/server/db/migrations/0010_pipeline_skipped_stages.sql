ALTER TABLE "pipeline_item_events" ADD COLUMN "skipped_stage_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Skips recorded before this column existed: the stages between their two ends, in today's order
-- (the best that can be known now; from here on the service stores them as they stood).
UPDATE "pipeline_item_events" e SET "skipped_stage_ids" = coalesce((
  SELECT array_agg(s.id ORDER BY s.position)
  FROM "pipeline_stages" s, "pipeline_stages" f, "pipeline_stages" t
  WHERE f.id = e.from_stage_id AND t.id = e.to_stage_id AND s.pipeline_id = f.pipeline_id
    AND s.position > f.position AND s.position < t.position
), '{}')
WHERE e.kind = 'skip';

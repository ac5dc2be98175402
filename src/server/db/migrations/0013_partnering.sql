CREATE TABLE "partnering_feedback" (
	"meeting_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"rating" smallint,
	"follow_up" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_feedback_meeting_id_participant_id_pk" PRIMARY KEY("meeting_id","participant_id"),
	CONSTRAINT "partnering_feedback_outcome_known" CHECK ("partnering_feedback"."outcome" in ('held', 'no_show', 'cancelled_on_day')),
	CONSTRAINT "partnering_feedback_rating_range" CHECK ("partnering_feedback"."rating" is null or ("partnering_feedback"."rating" between 1 and 5 and "partnering_feedback"."outcome" = 'held'))
);
--> statement-breakpoint
CREATE TABLE "partnering_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"owner_participant_id" uuid,
	"online_url" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_locations_kind_known" CHECK ("partnering_locations"."kind" in ('table', 'room', 'booth', 'online'))
);
--> statement-breakpoint
CREATE TABLE "partnering_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"request_id" uuid,
	"participant_a_id" uuid NOT NULL,
	"participant_b_id" uuid NOT NULL,
	"source" text NOT NULL,
	"weight" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"draft_slot_id" uuid,
	"draft_location_id" uuid,
	"unscheduled_reason" text,
	"locked" boolean DEFAULT false NOT NULL,
	"published_slot_id" uuid,
	"published_location_id" uuid,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_meetings_two_sides" CHECK ("partnering_meetings"."participant_a_id" <> "partnering_meetings"."participant_b_id"),
	CONSTRAINT "partnering_meetings_source_known" CHECK ("partnering_meetings"."source" in ('request', 'wishlist', 'organiser')),
	CONSTRAINT "partnering_meetings_status_known" CHECK ("partnering_meetings"."status" in ('active', 'cancelled')),
	CONSTRAINT "partnering_meetings_weight_positive" CHECK ("partnering_meetings"."weight" > 0),
	CONSTRAINT "partnering_meetings_draft_whole" CHECK (("partnering_meetings"."draft_slot_id" is null) = ("partnering_meetings"."draft_location_id" is null)),
	CONSTRAINT "partnering_meetings_published_whole" CHECK (("partnering_meetings"."published_slot_id" is null) = ("partnering_meetings"."published_location_id" is null))
);
--> statement-breakpoint
CREATE TABLE "partnering_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"registration_id" uuid,
	"organisation_id" uuid,
	"person_id" uuid,
	"side" text NOT NULL,
	"display_name" text NOT NULL,
	"organisation_name" text DEFAULT '' NOT NULL,
	"job_title" text DEFAULT '' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"offer" text DEFAULT '' NOT NULL,
	"seek" text DEFAULT '' NOT NULL,
	"segments" text[] DEFAULT '{}' NOT NULL,
	"stages" text[] DEFAULT '{}' NOT NULL,
	"project_ids" uuid[] DEFAULT '{}' NOT NULL,
	"max_meetings" smallint,
	"meeting_place" text DEFAULT 'table' NOT NULL,
	"online_url" text,
	"status" text DEFAULT 'active' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_participants_side_known" CHECK ("partnering_participants"."side" in ('startup', 'investor', 'pharma', 'research', 'hospital', 'park', 'service', 'other')),
	CONSTRAINT "partnering_participants_place_known" CHECK ("partnering_participants"."meeting_place" in ('table', 'booth', 'online')),
	CONSTRAINT "partnering_participants_status_known" CHECK ("partnering_participants"."status" in ('active', 'withdrawn')),
	CONSTRAINT "partnering_participants_max_meetings" CHECK ("partnering_participants"."max_meetings" is null or "partnering_participants"."max_meetings" >= 0)
);
--> statement-breakpoint
CREATE TABLE "partnering_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"from_participant_id" uuid NOT NULL,
	"to_participant_id" uuid NOT NULL,
	"priority" text NOT NULL,
	"response_priority" text,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"responded_at" timestamp with time zone,
	"cancelled_by_participant_id" uuid,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_requests_two_sides" CHECK ("partnering_requests"."from_participant_id" <> "partnering_requests"."to_participant_id"),
	CONSTRAINT "partnering_requests_status_known" CHECK ("partnering_requests"."status" in ('pending', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "partnering_requests_priority_known" CHECK ("partnering_requests"."priority" in ('must', 'would_like', 'if_time')),
	CONSTRAINT "partnering_requests_response_priority_known" CHECK ("partnering_requests"."response_priority" is null or "partnering_requests"."response_priority" in ('must', 'would_like', 'if_time'))
);
--> statement-breakpoint
CREATE TABLE "partnering_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"options" jsonb DEFAULT '{}' NOT NULL,
	"summary" jsonb,
	"error" text,
	CONSTRAINT "partnering_runs_status_known" CHECK ("partnering_runs"."status" in ('running', 'finished', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "partnering_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'requests' NOT NULL,
	"opt_in_open" boolean DEFAULT true NOT NULL,
	"request_deadline" timestamp with time zone,
	"max_requests_per_participant" integer,
	"allowed_pairs" jsonb,
	"default_max_meetings" smallint,
	"fairness" smallint,
	"schedule_version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_settings_mode_known" CHECK ("partnering_settings"."mode" in ('requests', 'wishlist')),
	CONSTRAINT "partnering_settings_max_requests_positive" CHECK ("partnering_settings"."max_requests_per_participant" is null or "partnering_settings"."max_requests_per_participant" >= 1),
	CONSTRAINT "partnering_settings_max_meetings_positive" CHECK ("partnering_settings"."default_max_meetings" is null or "partnering_settings"."default_max_meetings" >= 1),
	CONSTRAINT "partnering_settings_fairness_positive" CHECK ("partnering_settings"."fairness" is null or "partnering_settings"."fairness" >= 0)
);
--> statement-breakpoint
CREATE TABLE "partnering_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"day" text NOT NULL,
	"session" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_slots_ends_after_start" CHECK ("partnering_slots"."ends_at" > "partnering_slots"."starts_at"),
	CONSTRAINT "partnering_slots_day_format" CHECK ("partnering_slots"."day" ~ '^\d{4}-\d{2}-\d{2}$')
);
--> statement-breakpoint
CREATE TABLE "partnering_unavailability" (
	"participant_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	CONSTRAINT "partnering_unavailability_participant_id_slot_id_pk" PRIMARY KEY("participant_id","slot_id")
);
--> statement-breakpoint
CREATE TABLE "partnering_wishes" (
	"event_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"target_participant_id" uuid NOT NULL,
	"priority" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_wishes_participant_id_target_participant_id_pk" PRIMARY KEY("participant_id","target_participant_id"),
	CONSTRAINT "partnering_wishes_two_sides" CHECK ("partnering_wishes"."participant_id" <> "partnering_wishes"."target_participant_id"),
	CONSTRAINT "partnering_wishes_priority_known" CHECK ("partnering_wishes"."priority" in ('must', 'would_like', 'if_time'))
);
--> statement-breakpoint
ALTER TABLE "partnering_feedback" ADD CONSTRAINT "partnering_feedback_meeting_id_partnering_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."partnering_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_feedback" ADD CONSTRAINT "partnering_feedback_participant_id_partnering_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_locations" ADD CONSTRAINT "partnering_locations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_locations" ADD CONSTRAINT "partnering_locations_owner_participant_id_partnering_participants_id_fk" FOREIGN KEY ("owner_participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_request_id_partnering_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."partnering_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_participant_a_id_partnering_participants_id_fk" FOREIGN KEY ("participant_a_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_participant_b_id_partnering_participants_id_fk" FOREIGN KEY ("participant_b_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_draft_slot_id_partnering_slots_id_fk" FOREIGN KEY ("draft_slot_id") REFERENCES "public"."partnering_slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_draft_location_id_partnering_locations_id_fk" FOREIGN KEY ("draft_location_id") REFERENCES "public"."partnering_locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_published_slot_id_partnering_slots_id_fk" FOREIGN KEY ("published_slot_id") REFERENCES "public"."partnering_slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_meetings" ADD CONSTRAINT "partnering_meetings_published_location_id_partnering_locations_id_fk" FOREIGN KEY ("published_location_id") REFERENCES "public"."partnering_locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_requests" ADD CONSTRAINT "partnering_requests_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_requests" ADD CONSTRAINT "partnering_requests_from_participant_id_partnering_participants_id_fk" FOREIGN KEY ("from_participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_requests" ADD CONSTRAINT "partnering_requests_to_participant_id_partnering_participants_id_fk" FOREIGN KEY ("to_participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_requests" ADD CONSTRAINT "partnering_requests_cancelled_by_participant_id_partnering_participants_id_fk" FOREIGN KEY ("cancelled_by_participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_runs" ADD CONSTRAINT "partnering_runs_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_runs" ADD CONSTRAINT "partnering_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_settings" ADD CONSTRAINT "partnering_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_settings" ADD CONSTRAINT "partnering_settings_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_slots" ADD CONSTRAINT "partnering_slots_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_unavailability" ADD CONSTRAINT "partnering_unavailability_participant_id_partnering_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_unavailability" ADD CONSTRAINT "partnering_unavailability_slot_id_partnering_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."partnering_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_wishes" ADD CONSTRAINT "partnering_wishes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_wishes" ADD CONSTRAINT "partnering_wishes_participant_id_partnering_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_wishes" ADD CONSTRAINT "partnering_wishes_target_participant_id_partnering_participants_id_fk" FOREIGN KEY ("target_participant_id") REFERENCES "public"."partnering_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_locations_name_key" ON "partnering_locations" USING btree ("event_id","name");--> statement-breakpoint
CREATE INDEX "partnering_locations_owner_idx" ON "partnering_locations" USING btree ("owner_participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_meetings_request_key" ON "partnering_meetings" USING btree ("request_id") WHERE "partnering_meetings"."request_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_meetings_live_pair_key" ON "partnering_meetings" USING btree ("event_id",least("participant_a_id", "participant_b_id"),greatest("participant_a_id", "participant_b_id")) WHERE "partnering_meetings"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_meetings_draft_place_key" ON "partnering_meetings" USING btree ("draft_slot_id","draft_location_id") WHERE "partnering_meetings"."status" = 'active' and "partnering_meetings"."draft_slot_id" is not null and "partnering_meetings"."draft_location_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_meetings_published_place_key" ON "partnering_meetings" USING btree ("published_slot_id","published_location_id") WHERE "partnering_meetings"."status" = 'active' and "partnering_meetings"."published_slot_id" is not null and "partnering_meetings"."published_location_id" is not null;--> statement-breakpoint
CREATE INDEX "partnering_meetings_event_idx" ON "partnering_meetings" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "partnering_meetings_a_idx" ON "partnering_meetings" USING btree ("participant_a_id");--> statement-breakpoint
CREATE INDEX "partnering_meetings_b_idx" ON "partnering_meetings" USING btree ("participant_b_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_participants_user_key" ON "partnering_participants" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "partnering_participants_user_idx" ON "partnering_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_requests_live_pair_key" ON "partnering_requests" USING btree ("event_id",least("from_participant_id", "to_participant_id"),greatest("from_participant_id", "to_participant_id")) WHERE "partnering_requests"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "partnering_requests_from_idx" ON "partnering_requests" USING btree ("from_participant_id","status");--> statement-breakpoint
CREATE INDEX "partnering_requests_to_idx" ON "partnering_requests" USING btree ("to_participant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_runs_one_running_key" ON "partnering_runs" USING btree ("event_id") WHERE "partnering_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "partnering_runs_event_idx" ON "partnering_runs" USING btree ("event_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_slots_start_key" ON "partnering_slots" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "partnering_unavailability_slot_idx" ON "partnering_unavailability" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "partnering_wishes_target_idx" ON "partnering_wishes" USING btree ("target_participant_id");--> statement-breakpoint
CREATE INDEX "partnering_wishes_event_idx" ON "partnering_wishes" USING btree ("event_id");
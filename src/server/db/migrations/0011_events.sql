CREATE TABLE "event_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid,
	"project_id" uuid,
	"organisation_id" uuid,
	"project_name" text NOT NULL,
	"organisation_name" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"segment" text,
	"team" jsonb DEFAULT '[]' NOT NULL,
	"deck_file_id" uuid,
	"answers" jsonb DEFAULT '{}' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"screening_note" text DEFAULT '' NOT NULL,
	"screened_by" uuid,
	"screened_at" timestamp with time zone,
	"manage_token" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_applications_status_known" CHECK ("event_applications"."status" in ('submitted', 'screened_in', 'screened_out', 'withdrawn')),
	CONSTRAINT "event_applications_email_normalised" CHECK ("event_applications"."contact_email" = lower(btrim("event_applications"."contact_email")))
);
--> statement-breakpoint
CREATE TABLE "event_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight" real NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "event_criteria_weight_positive" CHECK ("event_criteria"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "event_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"pipeline_item_id" uuid NOT NULL,
	"source" text NOT NULL,
	"registration_id" uuid,
	"application_id" uuid,
	"project_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_follow_ups_source_known" CHECK ("event_follow_ups"."source" in ('registration', 'application', 'project'))
);
--> statement-breakpoint
CREATE TABLE "event_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"ticket_type_id" uuid NOT NULL,
	"token" text NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"status" text DEFAULT 'sent' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_invitations_status_known" CHECK ("event_invitations"."status" in ('sent', 'registered', 'revoked')),
	CONSTRAINT "event_invitations_email_normalised" CHECK ("event_invitations"."email" = lower(btrim("event_invitations"."email")))
);
--> statement-breakpoint
CREATE TABLE "event_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"project_id" uuid,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_organisers" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "event_organisers_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id"),
	CONSTRAINT "event_organisers_role_known" CHECK ("event_organisers"."role" in ('host', 'co_host', 'guidance', 'support'))
);
--> statement-breakpoint
CREATE TABLE "event_projects" (
	"event_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"session_id" uuid,
	"position" smallint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_projects_event_id_project_id_pk" PRIMARY KEY("event_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "event_recusals" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"source" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_recusals_round_id_user_id_application_id_pk" PRIMARY KEY("round_id","user_id","application_id"),
	CONSTRAINT "event_recusals_source_known" CHECK ("event_recusals"."source" in ('affiliation', 'declared', 'organiser'))
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"ticket_type_id" uuid NOT NULL,
	"user_id" uuid,
	"invitation_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"organisation_name" text DEFAULT '' NOT NULL,
	"job_title" text DEFAULT '' NOT NULL,
	"organisation_id" uuid,
	"answers" jsonb DEFAULT '{}' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"status" text NOT NULL,
	"waitlist_no" integer,
	"code" text NOT NULL,
	"manage_token" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"seq" bigserial NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_status_known" CHECK ("event_registrations"."status" in ('pending', 'confirmed', 'waitlisted', 'declined', 'cancelled')),
	CONSTRAINT "event_registrations_waitlist_only_waiting" CHECK (("event_registrations"."status" = 'waitlisted') = ("event_registrations"."waitlist_no" is not null)),
	CONSTRAINT "event_registrations_checkin_confirmed" CHECK ("event_registrations"."checked_in_at" is null or "event_registrations"."status" = 'confirmed'),
	CONSTRAINT "event_registrations_email_normalised" CHECK ("event_registrations"."email" = lower(btrim("event_registrations"."email")))
);
--> statement-breakpoint
CREATE TABLE "event_round_entries" (
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"published_rank" integer,
	"published_score" real,
	"award" text DEFAULT '' NOT NULL,
	"advanced" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_round_entries_round_id_application_id_pk" PRIMARY KEY("round_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "event_round_judges" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_round_judges_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "event_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"position" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"score_min" real DEFAULT 0 NOT NULL,
	"score_max" real DEFAULT 10 NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rounds_kind_known" CHECK ("event_rounds"."kind" in ('preliminary', 'semi_final', 'final')),
	CONSTRAINT "event_rounds_status_known" CHECK ("event_rounds"."status" in ('open', 'closed', 'published')),
	CONSTRAINT "event_rounds_score_range" CHECK ("event_rounds"."score_max" > "event_rounds"."score_min")
);
--> statement-breakpoint
CREATE TABLE "event_score_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_session_people" (
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "event_session_people_session_id_person_id_role_pk" PRIMARY KEY("session_id","person_id","role"),
	CONSTRAINT "event_session_people_role_known" CHECK ("event_session_people"."role" in ('speaker', 'moderator'))
);
--> statement-breakpoint
CREATE TABLE "event_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_sessions_kind_known" CHECK ("event_sessions"."kind" in ('opening', 'keynote', 'roundtable', 'roadshow', 'free_exchange', 'signing', 'break', 'other')),
	CONSTRAINT "event_sessions_ends_after_start" CHECK ("event_sessions"."ends_at" > "event_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "event_signings" (
	"event_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"session_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "event_signings_event_id_agreement_id_pk" PRIMARY KEY("event_id","agreement_id"),
	CONSTRAINT "event_signings_status_known" CHECK ("event_signings"."status" in ('planned', 'signed', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "event_ticket_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"waitlist_seq" integer DEFAULT 0 NOT NULL,
	"is_open" boolean DEFAULT true NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_ticket_types_capacity_range" CHECK ("event_ticket_types"."capacity" >= 0 and "event_ticket_types"."capacity" <= 100000),
	CONSTRAINT "event_ticket_types_within_capacity" CHECK ("event_ticket_types"."confirmed_count" >= 0 and "event_ticket_types"."confirmed_count" <= "event_ticket_types"."capacity")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_mode" text DEFAULT 'automatic' NOT NULL,
	"registration_closes_at" timestamp with time zone,
	"registration_questions" jsonb DEFAULT '[]' NOT NULL,
	"applications_open" boolean DEFAULT false NOT NULL,
	"application_deadline" timestamp with time zone,
	"application_questions" jsonb DEFAULT '[]' NOT NULL,
	"normalisation" text DEFAULT 'raw_mean' NOT NULL,
	"reminders_queued_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_kind_known" CHECK ("events"."kind" in ('salon', 'forum', 'roadshow', 'competition', 'closed_door', 'signing_ceremony', 'training', 'partnering_day')),
	CONSTRAINT "events_visibility_known" CHECK ("events"."visibility" in ('public', 'members', 'invitation')),
	CONSTRAINT "events_status_known" CHECK ("events"."status" in ('draft', 'published', 'cancelled')),
	CONSTRAINT "events_approval_known" CHECK ("events"."approval_mode" in ('automatic', 'reviewed')),
	CONSTRAINT "events_normalisation_known" CHECK ("events"."normalisation" in ('raw_mean', 'z_score')),
	CONSTRAINT "events_ends_after_start" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_closed_door_invitation" CHECK ("events"."kind" <> 'closed_door' or "events"."visibility" = 'invitation')
);
--> statement-breakpoint
DROP INDEX "outbox_unsent_idx";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "event_applications" ADD CONSTRAINT "event_applications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_applications" ADD CONSTRAINT "event_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_applications" ADD CONSTRAINT "event_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_applications" ADD CONSTRAINT "event_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_applications" ADD CONSTRAINT "event_applications_deck_file_id_files_id_fk" FOREIGN KEY ("deck_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_applications" ADD CONSTRAINT "event_applications_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_criteria" ADD CONSTRAINT "event_criteria_round_id_event_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."event_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_pipeline_item_id_pipeline_items_id_fk" FOREIGN KEY ("pipeline_item_id") REFERENCES "public"."pipeline_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_application_id_event_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."event_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_ticket_type_id_event_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."event_ticket_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organisers" ADD CONSTRAINT "event_organisers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organisers" ADD CONSTRAINT "event_organisers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_projects" ADD CONSTRAINT "event_projects_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_projects" ADD CONSTRAINT "event_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_projects" ADD CONSTRAINT "event_projects_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_recusals" ADD CONSTRAINT "event_recusals_round_id_event_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."event_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_recusals" ADD CONSTRAINT "event_recusals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_recusals" ADD CONSTRAINT "event_recusals_application_id_event_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."event_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_ticket_type_id_event_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."event_ticket_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_invitation_id_event_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."event_invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_round_entries" ADD CONSTRAINT "event_round_entries_round_id_event_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."event_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_round_entries" ADD CONSTRAINT "event_round_entries_application_id_event_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."event_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_round_judges" ADD CONSTRAINT "event_round_judges_round_id_event_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."event_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_round_judges" ADD CONSTRAINT "event_round_judges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rounds" ADD CONSTRAINT "event_rounds_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_score_sheets" ADD CONSTRAINT "event_score_sheets_round_id_event_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."event_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_score_sheets" ADD CONSTRAINT "event_score_sheets_application_id_event_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."event_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_score_sheets" ADD CONSTRAINT "event_score_sheets_judge_user_id_users_id_fk" FOREIGN KEY ("judge_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session_people" ADD CONSTRAINT "event_session_people_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session_people" ADD CONSTRAINT "event_session_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_signings" ADD CONSTRAINT "event_signings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_signings" ADD CONSTRAINT "event_signings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_signings" ADD CONSTRAINT "event_signings_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_ticket_types" ADD CONSTRAINT "event_ticket_types_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_applications_manage_key" ON "event_applications" USING btree ("manage_token");--> statement-breakpoint
CREATE UNIQUE INDEX "event_applications_project_key" ON "event_applications" USING btree ("event_id","project_id") WHERE "event_applications"."project_id" is not null and "event_applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "event_applications_name_key" ON "event_applications" USING btree ("event_id","contact_email","project_name") WHERE "event_applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "event_applications_event_idx" ON "event_applications" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "event_criteria_round_idx" ON "event_criteria" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_follow_ups_item_key" ON "event_follow_ups" USING btree ("pipeline_item_id");--> statement-breakpoint
CREATE INDEX "event_follow_ups_event_idx" ON "event_follow_ups" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_token_key" ON "event_invitations" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_email_key" ON "event_invitations" USING btree ("event_id","email");--> statement-breakpoint
CREATE INDEX "event_materials_event_idx" ON "event_materials" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_organisers_org_idx" ON "event_organisers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "event_projects_project_idx" ON "event_projects" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_code_key" ON "event_registrations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_manage_key" ON "event_registrations" USING btree ("manage_token");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_email_key" ON "event_registrations" USING btree ("event_id","email") WHERE "event_registrations"."status" in ('pending', 'confirmed', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_user_key" ON "event_registrations" USING btree ("event_id","user_id") WHERE "event_registrations"."user_id" is not null and "event_registrations"."status" in ('pending', 'confirmed', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_invitation_key" ON "event_registrations" USING btree ("invitation_id") WHERE "event_registrations"."invitation_id" is not null and "event_registrations"."status" in ('pending', 'confirmed', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_waitlist_key" ON "event_registrations" USING btree ("ticket_type_id","waitlist_no") WHERE "event_registrations"."waitlist_no" is not null;--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","seq");--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_registrations_ticket_idx" ON "event_registrations" USING btree ("ticket_type_id","status");--> statement-breakpoint
CREATE INDEX "event_round_entries_application_idx" ON "event_round_entries" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "event_round_judges_user_idx" ON "event_round_judges" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_rounds_position_key" ON "event_rounds" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "event_score_sheets_key" ON "event_score_sheets" USING btree ("round_id","application_id","judge_user_id");--> statement-breakpoint
CREATE INDEX "event_score_sheets_judge_idx" ON "event_score_sheets" USING btree ("judge_user_id");--> statement-breakpoint
CREATE INDEX "event_session_people_person_idx" ON "event_session_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "event_sessions_event_idx" ON "event_sessions" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_signings_agreement_key" ON "event_signings" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "event_ticket_types_event_idx" ON "event_ticket_types" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_ticket_types_name_key" ON "event_ticket_types" USING btree ("event_id","name");--> statement-breakpoint
CREATE INDEX "events_community_idx" ON "events" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_reminders_idx" ON "events" USING btree ("starts_at") WHERE "events"."status" = 'published' and "events"."reminders_queued_at" is null;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Agreements named events before events existed: those ids point nowhere, so they are cleared.
UPDATE "agreements" SET "event_id" = NULL WHERE "event_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_event_idx" ON "outbox" USING btree ("event_id","id");--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."sent_at" is null;
CREATE TABLE "lifecycle_models" (
	"code" text PRIMARY KEY NOT NULL,
	"track" text NOT NULL,
	"device_class" text,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text NOT NULL,
	"name_en" text NOT NULL,
	"stages" text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lifecycle_models_track_known" CHECK ("lifecycle_models"."track" in ('drug', 'device', 'ivd', 'cgt')),
	CONSTRAINT "lifecycle_models_class_known" CHECK ("lifecycle_models"."device_class" is null or "lifecycle_models"."device_class" in ('I', 'II', 'III')),
	CONSTRAINT "lifecycle_models_has_stages" CHECK (cardinality("lifecycle_models"."stages") > 0)
);
--> statement-breakpoint
CREATE TABLE "milestone_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"tracks" text[] DEFAULT '{}' NOT NULL,
	"stage_code" text,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_file_id" uuid,
	"evidence_url" text,
	"recorded_by" uuid,
	"community_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_milestones_evidenced" CHECK ("project_milestones"."evidence_file_id" is not null or "project_milestones"."evidence_url" is not null)
);
--> statement-breakpoint
CREATE TABLE "project_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"kind" text NOT NULL,
	"skipped" text[] DEFAULT '{}' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"community_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_stage_changes_kind_known" CHECK ("project_stage_changes"."kind" in ('initial', 'advance', 'skip', 'rollback')),
	CONSTRAINT "project_stage_changes_reasoned" CHECK ("project_stage_changes"."kind" <> 'rollback' or length(btrim("project_stage_changes"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "pipeline_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_activities_kind_known" CHECK ("pipeline_activities"."kind" in ('call', 'visit', 'meeting', 'email', 'note'))
);
--> statement-breakpoint
CREATE TABLE "pipeline_item_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid,
	"lost_reason" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_item_events_kind_known" CHECK ("pipeline_item_events"."kind" in ('created', 'advance', 'skip', 'rollback', 'lost', 'reopened'))
);
--> statement-breakpoint
CREATE TABLE "pipeline_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"title" text NOT NULL,
	"project_id" uuid,
	"organisation_id" uuid,
	"owner_user_id" uuid,
	"expected_investment_fen" bigint,
	"expected_area_sqm" integer,
	"probability" smallint,
	"next_action" text DEFAULT '' NOT NULL,
	"next_action_on" date,
	"source" text DEFAULT 'direct' NOT NULL,
	"rank" text NOT NULL,
	"lost_reason" text,
	"lost_note" text DEFAULT '' NOT NULL,
	"lost_at" timestamp with time zone,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_items_source_known" CHECK ("pipeline_items"."source" in ('direct', 'referral', 'event', 'import')),
	CONSTRAINT "pipeline_items_lost_known" CHECK ("pipeline_items"."lost_reason" is null or "pipeline_items"."lost_reason" in ('chose_other_location', 'policy_mismatch', 'funding_failed', 'project_stopped', 'space_unavailable', 'no_response', 'duplicate', 'other')),
	CONSTRAINT "pipeline_items_lost_dated" CHECK (("pipeline_items"."lost_reason" is null) = ("pipeline_items"."lost_at" is null)),
	CONSTRAINT "pipeline_items_probability_range" CHECK ("pipeline_items"."probability" is null or "pipeline_items"."probability" between 0 and 100),
	CONSTRAINT "pipeline_items_money_positive" CHECK (coalesce("pipeline_items"."expected_investment_fen", 0) >= 0 and coalesce("pipeline_items"."expected_area_sqm", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"position" smallint NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"action" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_stages_probability_range" CHECK ("pipeline_stages"."probability" between 0 and 100),
	CONSTRAINT "pipeline_stages_action_known" CHECK ("pipeline_stages"."action" in ('none', 'agreement', 'landing')),
	CONSTRAINT "pipeline_stages_code_format" CHECK ("pipeline_stages"."code" ~ '^[a-z0-9][a-z0-9_]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text DEFAULT 'attraction' NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipelines_kind_known" CHECK ("pipelines"."kind" in ('attraction', 'incubation', 'investment', 'other'))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_community_id" uuid NOT NULL,
	"to_community_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"decline_note" text DEFAULT '' NOT NULL,
	"accepted_item_id" uuid,
	"created_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_status_known" CHECK ("referrals"."status" in ('pending', 'accepted', 'declined', 'withdrawn', 'landed')),
	CONSTRAINT "referrals_decline_known" CHECK ("referrals"."decline_reason" is null or "referrals"."decline_reason" in ('not_in_focus', 'no_space', 'stage_too_early', 'already_known', 'other')),
	CONSTRAINT "referrals_declined_reasoned" CHECK (("referrals"."status" = 'declined') = ("referrals"."decline_reason" is not null)),
	CONSTRAINT "referrals_not_self" CHECK ("referrals"."from_community_id" <> "referrals"."to_community_id")
);
--> statement-breakpoint
CREATE TABLE "community_zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"total_area_sqm" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_zones_kind_known" CHECK ("community_zones"."kind" in ('rnd', 'acceleration', 'industrialisation', 'office', 'other')),
	CONSTRAINT "community_zones_area_positive" CHECK (coalesce("community_zones"."total_area_sqm", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "company_yearly_figures" (
	"community_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"revenue_fen" bigint,
	"headcount" integer,
	"rnd_spend_fen" bigint,
	"tax_fen" bigint,
	"entered_by" uuid,
	"entered_as" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_yearly_figures_year_range" CHECK ("company_yearly_figures"."year" between 1950 and 2200),
	CONSTRAINT "company_yearly_figures_entered_as_known" CHECK ("company_yearly_figures"."entered_as" in ('company', 'staff')),
	CONSTRAINT "company_yearly_figures_positive" CHECK (coalesce("company_yearly_figures"."revenue_fen", 0) >= 0 and coalesce("company_yearly_figures"."headcount", 0) >= 0 and coalesce("company_yearly_figures"."rnd_spend_fen", 0) >= 0 and coalesce("company_yearly_figures"."tax_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "incubation_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'admitted' NOT NULL,
	"batch" text DEFAULT '' NOT NULL,
	"admitted_on" date NOT NULL,
	"graduated_on" date,
	"listed_on" date,
	"stock_code" text,
	"exited_on" date,
	"exit_reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incubation_records_status_known" CHECK ("incubation_records"."status" in ('admitted', 'graduated', 'listed', 'exited')),
	CONSTRAINT "incubation_records_graduated_dated" CHECK ("incubation_records"."status" <> 'graduated' or "incubation_records"."graduated_on" is not null),
	CONSTRAINT "incubation_records_listed_dated" CHECK ("incubation_records"."status" <> 'listed' or ("incubation_records"."listed_on" is not null and "incubation_records"."stock_code" is not null)),
	CONSTRAINT "incubation_records_exited_dated" CHECK ("incubation_records"."status" <> 'exited' or "incubation_records"."exited_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "landings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid,
	"pipeline_item_id" uuid,
	"zone_id" uuid,
	"floor_area_sqm" integer,
	"registered_capital_fen" bigint,
	"committed_investment_fen" bigint,
	"landed_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "landings_amounts_positive" CHECK (coalesce("landings"."floor_area_sqm", 0) >= 0 and coalesce("landings"."registered_capital_fen", 0) >= 0 and coalesce("landings"."committed_investment_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id"),
	CONSTRAINT "agreement_parties_role_known" CHECK ("agreement_parties"."role" in ('party_a', 'party_b', 'party_c', 'investor', 'investee', 'licensor', 'licensee', 'provider', 'client', 'guarantor', 'witness'))
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"amount_fen" bigint,
	"signed_on" date NOT NULL,
	"signed_place" text DEFAULT '' NOT NULL,
	"event_id" uuid,
	"status" text DEFAULT 'signed' NOT NULL,
	"project_id" uuid,
	"segment" text,
	"pipeline_item_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_kind_known" CHECK ("agreements"."kind" in ('cooperation', 'strategic', 'investment', 'landing', 'licensing', 'service')),
	CONSTRAINT "agreements_status_known" CHECK ("agreements"."status" in ('signed', 'in_force', 'completed', 'terminated')),
	CONSTRAINT "agreements_amount_positive" CHECK (coalesce("agreements"."amount_fen", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_track_known";--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "device_class" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "stage_since" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_kind_milestone_kinds_code_fk" FOREIGN KEY ("kind") REFERENCES "public"."milestone_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_evidence_file_id_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_activities" ADD CONSTRAINT "pipeline_activities_item_id_pipeline_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."pipeline_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_activities" ADD CONSTRAINT "pipeline_activities_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_activities" ADD CONSTRAINT "pipeline_activities_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_item_events" ADD CONSTRAINT "pipeline_item_events_item_id_pipeline_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."pipeline_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_item_events" ADD CONSTRAINT "pipeline_item_events_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_item_events" ADD CONSTRAINT "pipeline_item_events_from_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("from_stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_item_events" ADD CONSTRAINT "pipeline_item_events_to_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("to_stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_item_events" ADD CONSTRAINT "pipeline_item_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_community_id_communities_id_fk" FOREIGN KEY ("from_community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_community_id_communities_id_fk" FOREIGN KEY ("to_community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_accepted_item_id_pipeline_items_id_fk" FOREIGN KEY ("accepted_item_id") REFERENCES "public"."pipeline_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_zones" ADD CONSTRAINT "community_zones_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_yearly_figures" ADD CONSTRAINT "company_yearly_figures_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_yearly_figures" ADD CONSTRAINT "company_yearly_figures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_yearly_figures" ADD CONSTRAINT "company_yearly_figures_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_records" ADD CONSTRAINT "incubation_records_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_records" ADD CONSTRAINT "incubation_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_records" ADD CONSTRAINT "incubation_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landings" ADD CONSTRAINT "landings_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landings" ADD CONSTRAINT "landings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landings" ADD CONSTRAINT "landings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landings" ADD CONSTRAINT "landings_pipeline_item_id_pipeline_items_id_fk" FOREIGN KEY ("pipeline_item_id") REFERENCES "public"."pipeline_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landings" ADD CONSTRAINT "landings_zone_id_community_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."community_zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landings" ADD CONSTRAINT "landings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_attachments" ADD CONSTRAINT "agreement_attachments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_attachments" ADD CONSTRAINT "agreement_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_attachments" ADD CONSTRAINT "agreement_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_pipeline_item_id_pipeline_items_id_fk" FOREIGN KEY ("pipeline_item_id") REFERENCES "public"."pipeline_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id","occurred_on");--> statement-breakpoint
CREATE INDEX "project_stage_changes_project_idx" ON "project_stage_changes" USING btree ("project_id","changed_on");--> statement-breakpoint
CREATE INDEX "pipeline_activities_item_idx" ON "pipeline_activities" USING btree ("item_id","occurred_at");--> statement-breakpoint
CREATE INDEX "pipeline_item_events_item_idx" ON "pipeline_item_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "pipeline_item_events_pipeline_idx" ON "pipeline_item_events" USING btree ("pipeline_id","at");--> statement-breakpoint
CREATE INDEX "pipeline_items_board_idx" ON "pipeline_items" USING btree ("pipeline_id","stage_id","rank");--> statement-breakpoint
CREATE INDEX "pipeline_items_community_idx" ON "pipeline_items" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "pipeline_items_owner_due_idx" ON "pipeline_items" USING btree ("owner_user_id","next_action_on") WHERE "pipeline_items"."lost_reason" is null;--> statement-breakpoint
CREATE INDEX "pipeline_items_project_idx" ON "pipeline_items" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_code_key" ON "pipeline_stages" USING btree ("pipeline_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_position_key" ON "pipeline_stages" USING btree ("pipeline_id","position");--> statement-breakpoint
CREATE INDEX "pipelines_community_idx" ON "pipelines" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" USING btree ("from_community_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("to_community_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_open_key" ON "referrals" USING btree ("project_id","to_community_id") WHERE "referrals"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "community_zones_community_idx" ON "community_zones" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_zones_name_key" ON "community_zones" USING btree ("community_id","name_zh");--> statement-breakpoint
CREATE UNIQUE INDEX "company_yearly_figures_key" ON "company_yearly_figures" USING btree ("community_id","organisation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "incubation_records_org_key" ON "incubation_records" USING btree ("community_id","organisation_id");--> statement-breakpoint
CREATE INDEX "landings_community_idx" ON "landings" USING btree ("community_id","landed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "landings_org_key" ON "landings" USING btree ("community_id","organisation_id");--> statement-breakpoint
CREATE INDEX "agreement_attachments_agreement_idx" ON "agreement_attachments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_org_idx" ON "agreement_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "agreements_community_idx" ON "agreements" USING btree ("community_id","signed_on");--> statement-breakpoint
CREATE INDEX "agreements_project_idx" ON "agreements" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "agreements_event_idx" ON "agreements" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_device_class_known" CHECK ("projects"."device_class" is null or ("projects"."track" = 'device' and "projects"."device_class" in ('I', 'II', 'III')));--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_track_known" CHECK ("projects"."track" in ('drug', 'device', 'ivd', 'cgt'));
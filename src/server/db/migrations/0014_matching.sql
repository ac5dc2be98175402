CREATE TABLE "community_match_profiles" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"accepting" boolean DEFAULT true NOT NULL,
	"focus_segments" text[] DEFAULT '{}' NOT NULL,
	"focus_stages" text[] DEFAULT '{}' NOT NULL,
	"required_milestones" text[] DEFAULT '{}' NOT NULL,
	"required_qualifications" text[] DEFAULT '{}' NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"statement_zh" text DEFAULT '' NOT NULL,
	"statement_en" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "match_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_feedback" (
	"user_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"candidate_type" text NOT NULL,
	"candidate_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"pipeline_item_id" uuid,
	"partnering_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_feedback_user_id_subject_type_subject_id_candidate_type_candidate_id_pk" PRIMARY KEY("user_id","subject_type","subject_id","candidate_type","candidate_id"),
	CONSTRAINT "match_feedback_subject_known" CHECK ("match_feedback"."subject_type" in ('project', 'organisation', 'community', 'brief', 'challenge')),
	CONSTRAINT "match_feedback_candidate_known" CHECK ("match_feedback"."candidate_type" in ('project', 'organisation', 'community', 'brief', 'challenge')),
	CONSTRAINT "match_feedback_verdict_known" CHECK ("match_feedback"."verdict" in ('useful', 'not_relevant', 'contacted'))
);
--> statement-breakpoint
CREATE TABLE "match_refresh_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"requested_by" uuid,
	"subjects" integer DEFAULT 0 NOT NULL,
	"suggestions" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"peak_rss_mb" integer,
	"error" text,
	"lease_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "match_refresh_runs_status_known" CHECK ("match_refresh_runs"."status" in ('running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "match_suggestions" (
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"target" text NOT NULL,
	"candidate_type" text NOT NULL,
	"candidate_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"score" real NOT NULL,
	"first_suggested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_suggestions_subject_type_subject_id_target_candidate_type_candidate_id_pk" PRIMARY KEY("subject_type","subject_id","target","candidate_type","candidate_id"),
	CONSTRAINT "match_suggestions_subject_known" CHECK ("match_suggestions"."subject_type" in ('project', 'organisation', 'community', 'brief', 'challenge')),
	CONSTRAINT "match_suggestions_candidate_known" CHECK ("match_suggestions"."candidate_type" in ('project', 'organisation', 'community', 'brief', 'challenge')),
	CONSTRAINT "match_suggestions_target_known" CHECK ("match_suggestions"."target" in ('investors', 'projects', 'parks', 'services', 'companies', 'research_teams', 'briefs', 'challenges'))
);
--> statement-breakpoint
CREATE TABLE "thesaurus_concepts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"segment" text,
	"related_codes" text[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thesaurus_concepts_code_format" CHECK ("thesaurus_concepts"."code" ~ '^[a-z0-9][a-z0-9_]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "thesaurus_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"term" text NOT NULL,
	"term_key" text NOT NULL,
	CONSTRAINT "thesaurus_terms_lang_known" CHECK ("thesaurus_terms"."lang" in ('zh_hans', 'zh_hant', 'en')),
	CONSTRAINT "thesaurus_terms_not_blank" CHECK (length(btrim("thesaurus_terms"."term")) > 0 and length("thesaurus_terms"."term_key") > 0)
);
--> statement-breakpoint
CREATE TABLE "challenge_answer_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_answer_events_kind_known" CHECK ("challenge_answer_events"."kind" in ('submitted', 'edited', 'advanced', 'moved_back', 'declined', 'reopened', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "challenge_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"submitted_by" uuid NOT NULL,
	"organisation_id" uuid,
	"team_name" text NOT NULL,
	"summary" text NOT NULL,
	"approach" text NOT NULL,
	"evidence" text NOT NULL,
	"team" text NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"timeline" text NOT NULL,
	"budget_fen" bigint,
	"attachment_file_id" uuid,
	"stage" text DEFAULT 'submitted' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"decline_reason" text DEFAULT '' NOT NULL,
	"screening_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_answers_stage_known" CHECK ("challenge_answers"."stage" in ('submitted', 'qualified', 'shortlisted', 'finalist', 'chosen')),
	CONSTRAINT "challenge_answers_status_known" CHECK ("challenge_answers"."status" in ('active', 'declined', 'withdrawn')),
	CONSTRAINT "challenge_answers_budget_positive" CHECK (coalesce("challenge_answers"."budget_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "challenge_communities" (
	"challenge_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	CONSTRAINT "challenge_communities_challenge_id_community_id_pk" PRIMARY KEY("challenge_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"author_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_messages_side_known" CHECK ("challenge_messages"."side" in ('poster', 'team')),
	CONSTRAINT "challenge_messages_not_blank" CHECK (length(btrim("challenge_messages"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"community_id" uuid,
	"kind" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text,
	"description" text NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"offer" text DEFAULT '' NOT NULL,
	"budget_fen" bigint,
	"segments" text[] DEFAULT '{}' NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenges_one_poster" CHECK (("challenges"."organisation_id" is null) <> ("challenges"."community_id" is null)),
	CONSTRAINT "challenges_kind_known" CHECK ("challenges"."kind" in ('technology', 'clinical', 'manufacturing', 'other')),
	CONSTRAINT "challenges_visibility_known" CHECK ("challenges"."visibility" in ('public', 'communities')),
	CONSTRAINT "challenges_status_known" CHECK ("challenges"."status" in ('draft', 'open', 'closed', 'cancelled')),
	CONSTRAINT "challenges_published_dated" CHECK ("challenges"."status" = 'draft' or "challenges"."published_at" is not null),
	CONSTRAINT "challenges_budget_positive" CHECK (coalesce("challenges"."budget_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "tech_brief_communities" (
	"brief_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	CONSTRAINT "tech_brief_communities_brief_id_community_id_pk" PRIMARY KEY("brief_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "tech_briefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"community_id" uuid,
	"title_zh" text NOT NULL,
	"title_en" text,
	"problem" text NOT NULL,
	"solution" text NOT NULL,
	"advantages" text DEFAULT '' NOT NULL,
	"maturity" text NOT NULL,
	"ip_status" text NOT NULL,
	"ip_detail" text DEFAULT '' NOT NULL,
	"partnerships" text[] NOT NULL,
	"partner_sought" text DEFAULT '' NOT NULL,
	"segments" text[] DEFAULT '{}' NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"contact_user_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tech_briefs_maturity_known" CHECK ("tech_briefs"."maturity" in ('discovery', 'proof_of_concept', 'prototype', 'preclinical', 'clinical', 'approved')),
	CONSTRAINT "tech_briefs_ip_known" CHECK ("tech_briefs"."ip_status" in ('patent_granted', 'patent_pending', 'know_how', 'none')),
	CONSTRAINT "tech_briefs_partnerships_known" CHECK ("tech_briefs"."partnerships" <@ array['licensing', 'co_development', 'investment']::text[] and cardinality("tech_briefs"."partnerships") > 0),
	CONSTRAINT "tech_briefs_visibility_known" CHECK ("tech_briefs"."visibility" in ('public', 'communities')),
	CONSTRAINT "tech_briefs_status_known" CHECK ("tech_briefs"."status" in ('draft', 'published', 'withdrawn')),
	CONSTRAINT "tech_briefs_published_dated" CHECK ("tech_briefs"."status" = 'draft' or "tech_briefs"."published_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "pipeline_items" DROP CONSTRAINT "pipeline_items_source_known";--> statement-breakpoint
ALTER TABLE "community_match_profiles" ADD CONSTRAINT "community_match_profiles_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_match_profiles" ADD CONSTRAINT "community_match_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_pipeline_item_id_pipeline_items_id_fk" FOREIGN KEY ("pipeline_item_id") REFERENCES "public"."pipeline_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_partnering_request_id_partnering_requests_id_fk" FOREIGN KEY ("partnering_request_id") REFERENCES "public"."partnering_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_refresh_runs" ADD CONSTRAINT "match_refresh_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thesaurus_concepts" ADD CONSTRAINT "thesaurus_concepts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thesaurus_terms" ADD CONSTRAINT "thesaurus_terms_concept_id_thesaurus_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."thesaurus_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_answer_events" ADD CONSTRAINT "challenge_answer_events_answer_id_challenge_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."challenge_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_answer_events" ADD CONSTRAINT "challenge_answer_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_answers" ADD CONSTRAINT "challenge_answers_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_answers" ADD CONSTRAINT "challenge_answers_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_answers" ADD CONSTRAINT "challenge_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_answers" ADD CONSTRAINT "challenge_answers_attachment_file_id_files_id_fk" FOREIGN KEY ("attachment_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_communities" ADD CONSTRAINT "challenge_communities_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_communities" ADD CONSTRAINT "challenge_communities_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_messages" ADD CONSTRAINT "challenge_messages_answer_id_challenge_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."challenge_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_messages" ADD CONSTRAINT "challenge_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_brief_communities" ADD CONSTRAINT "tech_brief_communities_brief_id_tech_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."tech_briefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_brief_communities" ADD CONSTRAINT "tech_brief_communities_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_briefs" ADD CONSTRAINT "tech_briefs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_briefs" ADD CONSTRAINT "tech_briefs_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_briefs" ADD CONSTRAINT "tech_briefs_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_briefs" ADD CONSTRAINT "tech_briefs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_changes_changed_idx" ON "match_changes" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "match_feedback_subject_idx" ON "match_feedback" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "match_feedback_candidate_idx" ON "match_feedback" USING btree ("candidate_type","candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_refresh_runs_one_running" ON "match_refresh_runs" USING btree ((true)) WHERE "match_refresh_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "match_suggestions_rank_idx" ON "match_suggestions" USING btree ("subject_type","subject_id","target","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "thesaurus_concepts_code_key" ON "thesaurus_concepts" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "thesaurus_terms_concept_key" ON "thesaurus_terms" USING btree ("concept_id","term_key");--> statement-breakpoint
CREATE INDEX "thesaurus_terms_key_idx" ON "thesaurus_terms" USING btree ("term_key");--> statement-breakpoint
CREATE INDEX "challenge_answer_events_answer_idx" ON "challenge_answer_events" USING btree ("answer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_answers_one_per_user" ON "challenge_answers" USING btree ("challenge_id","submitted_by");--> statement-breakpoint
CREATE INDEX "challenge_answers_challenge_idx" ON "challenge_answers" USING btree ("challenge_id","stage");--> statement-breakpoint
CREATE INDEX "challenge_answers_submitter_idx" ON "challenge_answers" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "challenge_communities_community_idx" ON "challenge_communities" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "challenge_messages_answer_idx" ON "challenge_messages" USING btree ("answer_id","created_at");--> statement-breakpoint
CREATE INDEX "challenges_organisation_idx" ON "challenges" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "challenges_community_idx" ON "challenges" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "challenges_open_idx" ON "challenges" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "tech_brief_communities_community_idx" ON "tech_brief_communities" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "tech_briefs_organisation_idx" ON "tech_briefs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "tech_briefs_published_idx" ON "tech_briefs" USING btree ("status","published_at");--> statement-breakpoint
ALTER TABLE "pipeline_items" ADD CONSTRAINT "pipeline_items_source_known" CHECK ("pipeline_items"."source" in ('direct', 'referral', 'event', 'import', 'matching'));
CREATE TABLE "community_annotations" (
	"community_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"rating" smallint,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_annotations_community_id_entity_type_entity_id_pk" PRIMARY KEY("community_id","entity_type","entity_id"),
	CONSTRAINT "community_annotations_entity_known" CHECK ("community_annotations"."entity_type" in ('organisation', 'person', 'project')),
	CONSTRAINT "community_annotations_rating_range" CHECK ("community_annotations"."rating" is null or "community_annotations"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "community_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_notes_entity_known" CHECK ("community_notes"."entity_type" in ('organisation', 'person', 'project'))
);
--> statement-breakpoint
CREATE TABLE "directory_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_type" text NOT NULL,
	"from_id" uuid NOT NULL,
	"role" text NOT NULL,
	"to_type" text NOT NULL,
	"to_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"since" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_links_from_known" CHECK ("directory_links"."from_type" in ('organisation', 'person', 'project')),
	CONSTRAINT "directory_links_to_known" CHECK ("directory_links"."to_type" in ('organisation', 'person', 'project', 'community')),
	CONSTRAINT "directory_links_role_known" CHECK ("directory_links"."role" in ('investor_of', 'spun_out_of', 'licensee_of', 'partner_of', 'resident_of')),
	CONSTRAINT "directory_links_not_self" CHECK ("directory_links"."from_id" <> "directory_links"."to_id")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"file_id" uuid NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"mapping" jsonb DEFAULT '{}' NOT NULL,
	"duplicate_strategy" text DEFAULT 'skip' NOT NULL,
	"summary" jsonb DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "import_jobs_entity_known" CHECK ("import_jobs"."entity_type" in ('organisation', 'person', 'project')),
	CONSTRAINT "import_jobs_status_known" CHECK ("import_jobs"."status" in ('uploaded', 'previewed', 'committed', 'failed')),
	CONSTRAINT "import_jobs_strategy_known" CHECK ("import_jobs"."duplicate_strategy" in ('update', 'skip'))
);
--> statement-breakpoint
CREATE TABLE "organisation_representatives" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_representatives_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"short_name_zh" text,
	"short_name_en" text,
	"name_key" text NOT NULL,
	"credit_code" text,
	"founded_on" date,
	"province" text,
	"city" text,
	"district" text,
	"address" text,
	"website" text,
	"segments" text[] DEFAULT '{}' NOT NULL,
	"headcount_band" text,
	"listing_status" text DEFAULT 'unlisted' NOT NULL,
	"stock_code" text,
	"qualifications" text[] DEFAULT '{}' NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"logo_file_id" uuid,
	"investor_type" text,
	"thesis_segments" text[] DEFAULT '{}' NOT NULL,
	"thesis_stages" text[] DEFAULT '{}' NOT NULL,
	"thesis_regions" text[] DEFAULT '{}' NOT NULL,
	"ticket_min_fen" bigint,
	"ticket_max_fen" bigint,
	"aum_fen" bigint,
	"services" text[] DEFAULT '{}' NOT NULL,
	"steward_community_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind_known" CHECK ("organisations"."kind" in ('enterprise', 'investor', 'guidance_fund', 'state_financing', 'university', 'research_institute', 'hospital', 'service_provider', 'government_agency', 'park_operator', 'association')),
	CONSTRAINT "organisations_credit_code_format" CHECK ("organisations"."credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
	CONSTRAINT "organisations_headcount_known" CHECK ("organisations"."headcount_band" is null or "organisations"."headcount_band" in ('1-9', '10-49', '50-99', '100-499', '500-999', '1000+')),
	CONSTRAINT "organisations_listing_known" CHECK ("organisations"."listing_status" in ('unlisted', 'listed', 'delisted')),
	CONSTRAINT "organisations_investor_type_known" CHECK ("organisations"."investor_type" is null or "organisations"."investor_type" in ('vc', 'pe', 'cvc', 'angel', 'guidance_fund', 'state_financing')),
	CONSTRAINT "organisations_ticket_order" CHECK ("organisations"."ticket_min_fen" is null or "organisations"."ticket_max_fen" is null or "organisations"."ticket_min_fen" <= "organisations"."ticket_max_fen"),
	CONSTRAINT "organisations_money_positive" CHECK (coalesce("organisations"."ticket_min_fen", 0) >= 0 and coalesce("organisations"."aum_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"title" text,
	"email" text,
	"phone" text,
	"wechat_id" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_source" text,
	"bio_zh" text DEFAULT '' NOT NULL,
	"bio_en" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"steward_community_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_consent_dated" CHECK (not "people"."consent_to_contact" or "people"."consent_at" is not null),
	CONSTRAINT "people_email_normalised" CHECK ("people"."email" is null or "people"."email" = lower(btrim("people"."email")))
);
--> statement-breakpoint
CREATE TABLE "person_affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text DEFAULT 'pitch_deck' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_attachments_kind_known" CHECK ("project_attachments"."kind" in ('pitch_deck', 'other'))
);
--> statement-breakpoint
CREATE TABLE "project_named_investors" (
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "project_named_investors_project_id_organisation_id_pk" PRIMARY KEY("project_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"owner_organisation_id" uuid,
	"community_id" uuid NOT NULL,
	"segment" text NOT NULL,
	"modality" text,
	"indications" text[] DEFAULT '{}' NOT NULL,
	"track" text NOT NULL,
	"stage" text NOT NULL,
	"regulatory_status" text,
	"patents" jsonb DEFAULT '[]' NOT NULL,
	"team" jsonb DEFAULT '[]' NOT NULL,
	"funding_sought_fen" bigint,
	"funding_round" text,
	"confidentiality" text DEFAULT 'community' NOT NULL,
	"summary_zh" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_track_known" CHECK ("projects"."track" in ('drug', 'device', 'ivd')),
	CONSTRAINT "projects_confidentiality_known" CHECK ("projects"."confidentiality" in ('public', 'community', 'named_investors')),
	CONSTRAINT "projects_round_known" CHECK ("projects"."funding_round" is null or "projects"."funding_round" in ('seed', 'angel', 'pre_a', 'a', 'b', 'c', 'd_plus', 'pre_ipo', 'strategic', 'grant')),
	CONSTRAINT "projects_funding_positive" CHECK (coalesce("projects"."funding_sought_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text,
	"subtitle" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"segments" text[] DEFAULT '{}' NOT NULL,
	"stage" text,
	"province" text,
	"city" text,
	"qualifications" text[] DEFAULT '{}' NOT NULL,
	"community_ids" uuid[] DEFAULT '{}' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"visible_community_ids" uuid[] DEFAULT '{}' NOT NULL,
	"visible_org_ids" uuid[] DEFAULT '{}' NOT NULL,
	"names" text NOT NULL,
	"name_tokens" text DEFAULT '' NOT NULL,
	"body_tokens" text DEFAULT '' NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"codes" text[] DEFAULT '{}' NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, name_tokens), 'A') || setweight(to_tsvector('english'::regconfig, text_en), 'C') || setweight(to_tsvector('simple'::regconfig, body_tokens), 'B')) STORED NOT NULL,
	"sort_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id"),
	CONSTRAINT "search_documents_entity_known" CHECK ("search_documents"."entity_type" in ('organisation', 'person', 'project')),
	CONSTRAINT "search_documents_visibility_known" CHECK ("search_documents"."visibility" in ('public', 'community', 'named_investors'))
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"taxonomy" text NOT NULL,
	"code" text NOT NULL,
	"group_code" text,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text NOT NULL,
	"name_en" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "taxonomy_terms_taxonomy_code_pk" PRIMARY KEY("taxonomy","code"),
	CONSTRAINT "taxonomy_terms_taxonomy_known" CHECK ("taxonomy_terms"."taxonomy" in ('segment', 'qualification', 'service', 'stage')),
	CONSTRAINT "taxonomy_terms_code_format" CHECK ("taxonomy_terms"."code" ~ '^[a-z0-9][a-z0-9_]{0,62}$')
);
--> statement-breakpoint
ALTER TABLE "community_annotations" ADD CONSTRAINT "community_annotations_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_annotations" ADD CONSTRAINT "community_annotations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_notes" ADD CONSTRAINT "community_notes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_notes" ADD CONSTRAINT "community_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_links" ADD CONSTRAINT "directory_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_representatives" ADD CONSTRAINT "organisation_representatives_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_representatives" ADD CONSTRAINT "organisation_representatives_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_representatives" ADD CONSTRAINT "organisation_representatives_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_logo_file_id_files_id_fk" FOREIGN KEY ("logo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_steward_community_id_communities_id_fk" FOREIGN KEY ("steward_community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_steward_community_id_communities_id_fk" FOREIGN KEY ("steward_community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_affiliations" ADD CONSTRAINT "person_affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_affiliations" ADD CONSTRAINT "person_affiliations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachments" ADD CONSTRAINT "project_attachments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachments" ADD CONSTRAINT "project_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachments" ADD CONSTRAINT "project_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_named_investors" ADD CONSTRAINT "project_named_investors_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_named_investors" ADD CONSTRAINT "project_named_investors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_annotations_tags_idx" ON "community_annotations" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "community_notes_entity_idx" ON "community_notes" USING btree ("community_id","entity_type","entity_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_links_key" ON "directory_links" USING btree ("from_type","from_id","role","to_type","to_id");--> statement-breakpoint
CREATE INDEX "directory_links_to_idx" ON "directory_links" USING btree ("to_type","to_id");--> statement-breakpoint
CREATE INDEX "import_jobs_community_idx" ON "import_jobs" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "organisation_representatives_user_idx" ON "organisation_representatives" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_credit_code_key" ON "organisations" USING btree ("credit_code") WHERE "organisations"."credit_code" is not null;--> statement-breakpoint
CREATE INDEX "organisations_name_key_idx" ON "organisations" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "organisations_steward_idx" ON "organisations" USING btree ("steward_community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_user_key" ON "people" USING btree ("user_id") WHERE "people"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "people_steward_idx" ON "people" USING btree ("steward_community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_affiliations_key" ON "person_affiliations" USING btree ("person_id","organisation_id","role");--> statement-breakpoint
CREATE INDEX "person_affiliations_org_idx" ON "person_affiliations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "project_attachments_project_idx" ON "project_attachments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_named_investors_org_idx" ON "project_named_investors" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "projects" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "projects_community_idx" ON "projects" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_names_trgm_idx" ON "search_documents" USING gin ("names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_codes_idx" ON "search_documents" USING gin ("codes");--> statement-breakpoint
CREATE INDEX "search_documents_segments_idx" ON "search_documents" USING gin ("segments");--> statement-breakpoint
CREATE INDEX "search_documents_communities_idx" ON "search_documents" USING gin ("community_ids");--> statement-breakpoint
CREATE INDEX "search_documents_sort_idx" ON "search_documents" USING btree ("sort_name","entity_id");
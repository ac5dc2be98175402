import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CONFIDENTIALITY_LEVELS,
  DEVICE_CLASSES,
  ENTITY_TYPES,
  FUNDING_ROUNDS,
  HEADCOUNT_BANDS,
  INVESTOR_TYPES,
  LINK_ROLES,
  LINK_TARGET_TYPES,
  LISTING_STATUSES,
  ORGANISATION_KINDS,
  PROJECT_TRACKS,
  TAXONOMIES,
} from '../../../domain/directory';
import { communities } from './communities';
import { users } from './users';
import { inList, created, updated } from './columns';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Vocabularies users extend: segments (创新药, 医疗器械 …), qualifications (高新技术企业 …),
 * services (CRO, CDMO …) and lifecycle stages (grouped by track). `aliases` are other names
 * the import and the search recognise (所属行业 columns say 器械, 医疗器械, 医疗设备 …).
 */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    taxonomy: text('taxonomy').notNull(),
    code: text('code').notNull(),
    /** Stage: the track it belongs to (drug, device, ivd). Null elsewhere. */
    groupCode: text('group_code'),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull(),
    nameEn: text('name_en').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'`),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.taxonomy, t.code] }),
    check('taxonomy_terms_taxonomy_known', inList(t.taxonomy, TAXONOMIES)),
    check('taxonomy_terms_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_]{0,62}$'`),
  ],
);

/** Uploaded files (logos, pitch decks). The bytes live in the storage backend under `storageKey`. */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  storageKey: text('storage_key').notNull(),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: created(),
});

/** An organisation of the ecosystem: enterprise, investor, university, hospital, service provider … */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    shortNameZh: text('short_name_zh'),
    shortNameEn: text('short_name_en'),
    /** Folded, lower-cased, punctuation and legal-form suffixes removed: duplicate matching. */
    nameKey: text('name_key').notNull(),
    /** 统一社会信用代码, upper case, check digit verified by the service. */
    creditCode: text('credit_code'),
    foundedOn: date('founded_on', { mode: 'string' }),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    address: text('address'),
    website: text('website'),
    segments: text('segments').array().notNull().default(sql`'{}'`),
    headcountBand: text('headcount_band'),
    listingStatus: text('listing_status').notNull().default('unlisted'),
    stockCode: text('stock_code'),
    qualifications: text('qualifications').array().notNull().default(sql`'{}'`),
    descriptionZh: text('description_zh').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    logoFileId: uuid('logo_file_id').references(() => files.id, { onDelete: 'set null' }),
    // Investor extras (kinds investor, guidance_fund, state_financing).
    investorType: text('investor_type'),
    thesisSegments: text('thesis_segments').array().notNull().default(sql`'{}'`),
    thesisStages: text('thesis_stages').array().notNull().default(sql`'{}'`),
    thesisRegions: text('thesis_regions').array().notNull().default(sql`'{}'`),
    ticketMinFen: bigint('ticket_min_fen', { mode: 'number' }),
    ticketMaxFen: bigint('ticket_max_fen', { mode: 'number' }),
    aumFen: bigint('aum_fen', { mode: 'number' }),
    // Service-provider extras.
    services: text('services').array().notNull().default(sql`'{}'`),
    /**
     * The community that added the record. Its staff edit the public profile until the
     * organisation has representatives of its own; null when a platform admin added it.
     */
    stewardCommunityId: uuid('steward_community_id').references(() => communities.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Optimistic concurrency: an edit names the version it started from. */
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('organisations_credit_code_key').on(t.creditCode).where(sql`${t.creditCode} is not null`),
    index('organisations_name_key_idx').on(t.nameKey),
    index('organisations_steward_idx').on(t.stewardCommunityId),
    check('organisations_kind_known', inList(t.kind, ORGANISATION_KINDS)),
    check('organisations_credit_code_format', sql`${t.creditCode} ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'`),
    check('organisations_headcount_known', sql`${t.headcountBand} is null or ${inList(t.headcountBand, HEADCOUNT_BANDS)}`),
    check('organisations_listing_known', inList(t.listingStatus, LISTING_STATUSES)),
    check('organisations_investor_type_known', sql`${t.investorType} is null or ${inList(t.investorType, INVESTOR_TYPES)}`),
    check('organisations_ticket_order', sql`${t.ticketMinFen} is null or ${t.ticketMaxFen} is null or ${t.ticketMinFen} <= ${t.ticketMaxFen}`),
    check('organisations_money_positive', sql`coalesce(${t.ticketMinFen}, 0) >= 0 and coalesce(${t.aumFen}, 0) >= 0`),
  ],
);

/** Users who speak for an organisation and edit its public profile. */
export const organisationRepresentatives = pgTable(
  'organisation_representatives',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_representatives_user_idx').on(t.userId)],
);

/**
 * A person of the ecosystem. Contact channels are personal information (PIPL): they are shown
 * only where the person consented or to the community that holds them, and a person's data can
 * be exported and erased on request.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    wechatId: text('wechat_id'),
    consentToContact: boolean('consent_to_contact').notNull().default(false),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    /** How the consent was obtained (registration form, signed paper, e-mail …). */
    consentSource: text('consent_source'),
    bioZh: text('bio_zh').notNull().default(''),
    bioEn: text('bio_en').notNull().default(''),
    /** The platform account of this person, when they have one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    stewardCommunityId: uuid('steward_community_id').references(() => communities.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('people_user_key').on(t.userId).where(sql`${t.userId} is not null`),
    index('people_steward_idx').on(t.stewardCommunityId),
    check('people_consent_dated', sql`not ${t.consentToContact} or ${t.consentAt} is not null`),
    check('people_email_normalised', sql`${t.email} is null or ${t.email} = lower(btrim(${t.email}))`),
  ],
);

/** A person's role at an organisation (创始人 at A, 首席科学家 at B). */
export const personAffiliations = pgTable(
  'person_affiliations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    isCurrent: boolean('is_current').notNull().default(true),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('person_affiliations_key').on(t.personId, t.organisationId, t.role),
    index('person_affiliations_org_idx').on(t.organisationId),
  ],
);

/** A technology, product or startup seeking support. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The community through which the project was entered; "community" confidentiality means its members. */
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    segment: text('segment').notNull(),
    modality: text('modality'),
    indications: text('indications').array().notNull().default(sql`'{}'`),
    track: text('track').notNull(),
    /** A code of taxonomy `stage` whose group is this project's track. */
    stage: text('stage').notNull(),
    /** Device projects: NMPA class I, II or III; it chooses the lifecycle model. */
    deviceClass: text('device_class'),
    /** When the project entered its current stage (the lifecycle board's "how long there"). */
    stageSince: date('stage_since', { mode: 'string' }).notNull().default(sql`current_date`),
    regulatoryStatus: text('regulatory_status'),
    /** [{ number, title, status }] */
    patents: jsonb('patents').$type<{ number: string; title: string; status: string }[]>().notNull().default(sql`'[]'`),
    /** [{ name, role, personId? }] */
    team: jsonb('team').$type<{ name: string; role: string; personId?: string }[]>().notNull().default(sql`'[]'`),
    fundingSoughtFen: bigint('funding_sought_fen', { mode: 'number' }),
    fundingRound: text('funding_round'),
    confidentiality: text('confidentiality').notNull().default('community'),
    summaryZh: text('summary_zh').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('projects_owner_idx').on(t.ownerOrganisationId),
    index('projects_community_idx').on(t.communityId),
    check('projects_track_known', inList(t.track, PROJECT_TRACKS)),
    check('projects_device_class_known', sql`${t.deviceClass} is null or (${t.track} = 'device' and ${inList(t.deviceClass, DEVICE_CLASSES)})`),
    check('projects_confidentiality_known', inList(t.confidentiality, CONFIDENTIALITY_LEVELS)),
    check('projects_round_known', sql`${t.fundingRound} is null or ${inList(t.fundingRound, FUNDING_ROUNDS)}`),
    check('projects_funding_positive', sql`coalesce(${t.fundingSoughtFen}, 0) >= 0`),
  ],
);

/** The investors allowed to see a project whose confidentiality is named_investors. */
export const projectNamedInvestors = pgTable(
  'project_named_investors',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organisationId] }), index('project_named_investors_org_idx').on(t.organisationId)],
);

export const projectAttachments = pgTable(
  'project_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('pitch_deck'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [index('project_attachments_project_idx').on(t.projectId), check('project_attachments_kind_known', sql`${t.kind} in ('pitch_deck', 'other')`)],
);

/**
 * A typed link between two records ("A investor_of B", "P resident_of <community>").
 * Polymorphic ends, so the service deletes a record's links with the record.
 */
export const directoryLinks = pgTable(
  'directory_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromType: text('from_type').notNull(),
    fromId: uuid('from_id').notNull(),
    role: text('role').notNull(),
    toType: text('to_type').notNull(),
    toId: uuid('to_id').notNull(),
    note: text('note').notNull().default(''),
    since: date('since', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('directory_links_key').on(t.fromType, t.fromId, t.role, t.toType, t.toId),
    index('directory_links_to_idx').on(t.toType, t.toId),
    check('directory_links_from_known', inList(t.fromType, ENTITY_TYPES)),
    check('directory_links_to_known', inList(t.toType, LINK_TARGET_TYPES)),
    check('directory_links_role_known', inList(t.role, LINK_ROLES)),
    check('directory_links_not_self', sql`${t.fromId} <> ${t.toId}`),
  ],
);

/** A community's private note on any record. No other community ever sees it. */
export const communityNotes = pgTable(
  'community_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('community_notes_entity_idx').on(t.communityId, t.entityType, t.entityId, t.createdAt),
    check('community_notes_entity_known', inList(t.entityType, ENTITY_TYPES)),
  ],
);

/** A community's private tags and rating (1–5) on a record: one row per community and record. */
export const communityAnnotations = pgTable(
  'community_annotations',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    rating: smallint('rating'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.entityType, t.entityId] }),
    index('community_annotations_tags_idx').using('gin', t.tags),
    check('community_annotations_entity_known', inList(t.entityType, ENTITY_TYPES)),
    check('community_annotations_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

/**
 * One row per organisation, person and project: what the search box reads. Rebuilt by the
 * service in the same transaction as every write to the record (modules/search/index-document.ts).
 * Text is folded to simplified Chinese and segmented in the application (jieba), so the
 * `simple` configuration works the same on PGlite and PostgreSQL; English goes through the
 * `english` stemmer.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    subtitle: text('subtitle').notNull().default(''),
    /** Organisation kind; 'person' for people; the track for projects. */
    kind: text('kind').notNull(),
    segments: text('segments').array().notNull().default(sql`'{}'`),
    stage: text('stage'),
    province: text('province'),
    city: text('city'),
    qualifications: text('qualifications').array().notNull().default(sql`'{}'`),
    /** Communities the record belongs to (resident_of links, a project's home community). */
    communityIds: uuid('community_ids').array().notNull().default(sql`'{}'`),
    visibility: text('visibility').notNull().default('public'),
    /** visibility 'community': members of these communities see it. */
    visibleCommunityIds: uuid('visible_community_ids').array().notNull().default(sql`'{}'`),
    /** visibility 'named_investors': representatives of these organisations see it. */
    visibleOrgIds: uuid('visible_org_ids').array().notNull().default(sql`'{}'`),
    /** Names, folded and lower-cased, for trigram similarity (typos, partial names). */
    names: text('names').notNull(),
    /** Segmented simplified Chinese of the names, weighted highest. */
    nameTokens: text('name_tokens').notNull().default(''),
    /** Segmented simplified Chinese of the rest (description, indications, segments' names). */
    bodyTokens: text('body_tokens').notNull().default(''),
    /** English text for the stemmer. */
    textEn: text('text_en').notNull().default(''),
    /** Identifiers that match exactly (credit code, stock code), upper case. */
    codes: text('codes').array().notNull().default(sql`'{}'`),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, name_tokens), 'A') || setweight(to_tsvector('english'::regconfig, text_en), 'C') || setweight(to_tsvector('simple'::regconfig, body_tokens), 'B')`,
      ),
    /** Sort key for listing without a query. */
    sortName: text('sort_name').notNull(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.entityType, t.entityId] }),
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_names_trgm_idx').using('gin', sql`${t.names} gin_trgm_ops`),
    index('search_documents_codes_idx').using('gin', t.codes),
    index('search_documents_segments_idx').using('gin', t.segments),
    index('search_documents_communities_idx').using('gin', t.communityIds),
    index('search_documents_sort_idx').on(t.sortName, t.entityId),
    check('search_documents_entity_known', inList(t.entityType, ENTITY_TYPES)),
    check('search_documents_visibility_known', sql`${t.visibility} in ('public', 'community', 'named_investors')`),
  ],
);

/**
 * A spreadsheet import: the uploaded file, the column mapping the user chose, the dry-run's
 * findings, and the outcome of the all-or-nothing commit.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    /** uploaded → previewed → committed; failed when the file cannot be read at all. */
    status: text('status').notNull().default('uploaded'),
    /** Spreadsheet header → field name (or null to ignore the column). */
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull().default(sql`'{}'`),
    duplicateStrategy: text('duplicate_strategy').notNull().default('skip'),
    /** Counts and headers of the last preview or the commit's report. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: updated(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    index('import_jobs_community_idx').on(t.communityId, t.createdAt),
    check('import_jobs_entity_known', inList(t.entityType, ENTITY_TYPES)),
    check('import_jobs_status_known', sql`${t.status} in ('uploaded', 'previewed', 'committed', 'failed')`),
    check('import_jobs_strategy_known', sql`${t.duplicateStrategy} in ('update', 'skip')`),
  ],
);

/**
 * The directory's API contract: organisations, people, projects, links, taxonomy terms and the
 * communities' private notes. Money is an integer number of fen; dates are YYYY-MM-DD.
 */
import { z } from 'zod';
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
} from '../../domain/directory';
import { idSchema, pageQuery, timestampSchema } from './common';

export const entityTypeSchema = z.enum(ENTITY_TYPES);
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export const confidentialitySchema = z.enum(CONFIDENTIALITY_LEVELS);
export const trackSchema = z.enum(PROJECT_TRACKS);
export const linkRoleSchema = z.enum(LINK_ROLES);
export const taxonomySchema = z.enum(TAXONOMIES);

const text = (max: number) => z.string().trim().max(max);
/** Optional text: empty strings become null, so a cleared form field clears the value. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const codeList = z.array(z.string().regex(/^[a-z0-9_]{1,63}$/)).max(50);
export const isoDateSchema = z.iso.date();
/** Integer fen, at most 10^15 (10 万亿元), so it fits a bigint and a JS number exactly. */
export const fenSchema = z.number().int().min(0).max(1e15);

// ---------------------------------------------------------------- taxonomy

export const taxonomyTermSchema = z.object({
  taxonomy: taxonomySchema,
  code: z.string(),
  groupCode: z.string().nullable(),
  nameZhHans: z.string(),
  nameZhHant: z.string(),
  nameEn: z.string(),
  aliases: z.array(z.string()),
  sortOrder: z.number().int(),
});
export type TaxonomyTerm = z.infer<typeof taxonomyTermSchema>;

export const taxonomyTermInput = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9_]{0,62}$/),
  groupCode: z.string().max(40).nullable().optional(),
  nameZhHans: text(60).min(1),
  nameZhHant: text(60).min(1),
  nameEn: text(120).min(1),
  aliases: z.array(text(60).min(1)).max(30).optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

// ---------------------------------------------------------------- organisations

export const organisationFields = {
  kind: organisationKindSchema,
  nameZh: text(200).min(1),
  nameEn: optionalText(300),
  shortNameZh: optionalText(60),
  shortNameEn: optionalText(120),
  /**
   * Checked against GB 32100-2015 by the service, after removing the spaces and dashes people
   * type or paste (hence longer than 18 here). Messages: fieldErrors.credit_code_length,
   * credit_code_characters, credit_code_check_digit; a taken code: credit_code_taken (409).
   */
  creditCode: optionalText(40),
  foundedOn: isoDateSchema.nullable().optional(),
  province: optionalText(40),
  city: optionalText(40),
  district: optionalText(40),
  address: optionalText(300),
  website: z.url().max(300).nullable().optional(),
  segments: codeList.optional(),
  headcountBand: z.enum(HEADCOUNT_BANDS).nullable().optional(),
  listingStatus: z.enum(LISTING_STATUSES).optional(),
  stockCode: optionalText(20),
  qualifications: codeList.optional(),
  descriptionZh: text(8000).optional(),
  descriptionEn: text(16000).optional(),
  investorType: z.enum(INVESTOR_TYPES).nullable().optional(),
  thesisSegments: codeList.optional(),
  thesisStages: codeList.optional(),
  thesisRegions: z.array(text(40).min(1)).max(40).optional(),
  ticketMinFen: fenSchema.nullable().optional(),
  ticketMaxFen: fenSchema.nullable().optional(),
  aumFen: fenSchema.nullable().optional(),
  services: codeList.optional(),
};

export const organisationCreateInput = z.strictObject({
  /** The community adding the record: it stewards the profile until the organisation has representatives. */
  communityId: idSchema,
  ...organisationFields,
});
export type OrganisationCreateInput = z.input<typeof organisationCreateInput>;

/** An edit names the version it started from; a stale version answers 409 conflict. */
export const organisationUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  ...z.object(organisationFields).partial().shape,
});
export type OrganisationUpdateInput = z.input<typeof organisationUpdateInput>;

export const organisationSchema = z.object({
  id: idSchema,
  kind: organisationKindSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  shortNameZh: z.string().nullable(),
  shortNameEn: z.string().nullable(),
  creditCode: z.string().nullable(),
  foundedOn: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  segments: z.array(z.string()),
  headcountBand: z.string().nullable(),
  listingStatus: z.string(),
  stockCode: z.string().nullable(),
  qualifications: z.array(z.string()),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  logoFileId: idSchema.nullable(),
  investorType: z.string().nullable(),
  thesisSegments: z.array(z.string()),
  thesisStages: z.array(z.string()),
  thesisRegions: z.array(z.string()),
  ticketMinFen: z.number().nullable(),
  ticketMaxFen: z.number().nullable(),
  aumFen: z.number().nullable(),
  services: z.array(z.string()),
  stewardCommunityId: idSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;

/** A record named wherever it is referred to (a link's other end, a project's owner). */
export const entityRefSchema = z.object({
  entityType: z.enum(LINK_TARGET_TYPES),
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
});
export type EntityRef = z.infer<typeof entityRefSchema>;

export const linkSchema = z.object({
  id: idSchema,
  role: linkRoleSchema,
  /** The record this link goes out of and the one it points to. */
  from: entityRefSchema,
  to: entityRefSchema,
  note: z.string(),
  since: z.string().nullable(),
  createdAt: timestampSchema,
});
export type Link = z.infer<typeof linkSchema>;

export const affiliationSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personNameZh: z.string(),
  personNameEn: z.string().nullable(),
  organisationId: idSchema,
  organisationNameZh: z.string(),
  organisationNameEn: z.string().nullable(),
  role: z.string(),
  isCurrent: z.boolean(),
});
export type Affiliation = z.infer<typeof affiliationSchema>;

export const projectSummarySchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  segment: z.string(),
  track: trackSchema,
  stage: z.string(),
  confidentiality: confidentialitySchema,
  fundingSoughtFen: z.number().nullable(),
  fundingRound: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const representativeSchema = z.object({ userId: idSchema, displayName: z.string(), email: z.string() });

/** What the viewer may do with a record, so the web app shows only the actions that will work. */
export const recordPermissionsSchema = z.object({ canEdit: z.boolean(), canDelete: z.boolean() });

export const organisationDetailSchema = organisationSchema.extend({
  people: z.array(affiliationSchema),
  /** Only the projects the viewer may see. */
  projects: z.array(projectSummarySchema),
  links: z.array(linkSchema),
  representatives: z.array(representativeSchema),
  permissions: recordPermissionsSchema,
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

export const representativeInput = z.strictObject({ email: z.string().trim().toLowerCase().pipe(z.email()) });

// ---------------------------------------------------------------- people

const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'phone_invalid')
  .transform((v) => v.replace(/[ -]/g, ''));

export const personFields = {
  nameZh: text(60).min(1),
  nameEn: optionalText(120),
  title: optionalText(120),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  wechatId: optionalText(60),
  /** Giving consent records the time; withdrawing clears it. */
  consentToContact: z.boolean().optional(),
  consentSource: optionalText(200),
  bioZh: text(4000).optional(),
  bioEn: text(8000).optional(),
};

export const personCreateInput = z.strictObject({
  communityId: idSchema,
  ...personFields,
  /** Affiliations created with the person. */
  affiliations: z.array(z.strictObject({ organisationId: idSchema, role: text(60).min(1), isCurrent: z.boolean().optional() })).max(20).optional(),
});
export type PersonCreateInput = z.input<typeof personCreateInput>;

export const personUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  ...z.object(personFields).partial().shape,
});

export const personSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  title: z.string().nullable(),
  /** Contact channels: null when the viewer may not see them (no consent, not the holding community). */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  wechatId: z.string().nullable(),
  contactHidden: z.boolean(),
  consentToContact: z.boolean(),
  consentAt: timestampSchema.nullable(),
  consentSource: z.string().nullable(),
  bioZh: z.string(),
  bioEn: z.string(),
  userId: idSchema.nullable(),
  stewardCommunityId: idSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Person = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema.extend({
  affiliations: z.array(affiliationSchema),
  links: z.array(linkSchema),
  permissions: recordPermissionsSchema,
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const affiliationInput = z.strictObject({
  organisationId: idSchema,
  role: text(60).min(1),
  isCurrent: z.boolean().optional(),
});

// ---------------------------------------------------------------- projects

const patentSchema = z.strictObject({ number: text(40).min(1), title: text(300), status: text(40) });
const teamMemberSchema = z.strictObject({ name: text(60).min(1), role: text(60), personId: idSchema.optional() });

export const projectFields = {
  nameZh: text(200).min(1),
  nameEn: optionalText(300),
  ownerOrganisationId: idSchema.nullable().optional(),
  segment: z.string().regex(/^[a-z0-9_]{1,63}$/),
  modality: optionalText(120),
  indications: z.array(text(120).min(1)).max(30).optional(),
  track: trackSchema,
  /** A stage of the project's lifecycle model (its track, and for devices its class). */
  stage: z.string().regex(/^[a-z0-9_]{1,63}$/),
  /** NMPA class, devices only (it picks the device's lifecycle model). */
  deviceClass: z.enum(DEVICE_CLASSES).nullable().optional(),
  regulatoryStatus: optionalText(300),
  patents: z.array(patentSchema).max(100).optional(),
  team: z.array(teamMemberSchema).max(50).optional(),
  fundingSoughtFen: fenSchema.nullable().optional(),
  fundingRound: z.enum(FUNDING_ROUNDS).nullable().optional(),
  confidentiality: confidentialitySchema.optional(),
  summaryZh: text(8000).optional(),
  summaryEn: text(16000).optional(),
};

export const projectCreateInput = z.strictObject({
  /** The project's home community ("community" confidentiality means its members). */
  communityId: idSchema,
  ...projectFields,
  /** Investors who may see a named_investors project. */
  namedInvestorIds: z.array(idSchema).max(50).optional(),
});
export type ProjectCreateInput = z.input<typeof projectCreateInput>;

export const projectUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  ...z.object(projectFields).partial().shape,
  namedInvestorIds: z.array(idSchema).max(50).optional(),
  /** Why the stage moves back, when `stage` changes to an earlier stage (recorded in the timeline). */
  stageReason: z.string().trim().max(1000).optional(),
});

export const attachmentSchema = z.object({
  id: idSchema,
  fileId: idSchema,
  kind: z.enum(['pitch_deck', 'other']),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: timestampSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const projectSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  owner: entityRefSchema.nullable(),
  communityId: idSchema,
  segment: z.string(),
  modality: z.string().nullable(),
  indications: z.array(z.string()),
  track: trackSchema,
  stage: z.string(),
  deviceClass: z.enum(DEVICE_CLASSES).nullable(),
  /** When the project entered its stage. */
  stageSince: isoDateSchema,
  regulatoryStatus: z.string().nullable(),
  patents: z.array(z.object({ number: z.string(), title: z.string(), status: z.string() })),
  team: z.array(z.object({ name: z.string(), role: z.string(), personId: z.string().optional() })),
  fundingSoughtFen: z.number().nullable(),
  fundingRound: z.string().nullable(),
  confidentiality: confidentialitySchema,
  summaryZh: z.string(),
  summaryEn: z.string(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Project = z.infer<typeof projectSchema>;

export const projectDetailSchema = projectSchema.extend({
  /** Shown to those who may edit the project; empty otherwise. */
  namedInvestors: z.array(entityRefSchema),
  attachments: z.array(attachmentSchema),
  links: z.array(linkSchema),
  permissions: recordPermissionsSchema,
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

// ---------------------------------------------------------------- links

export const linkInput = z.strictObject({
  fromType: entityTypeSchema,
  fromId: idSchema,
  role: linkRoleSchema,
  toType: z.enum(LINK_TARGET_TYPES),
  toId: idSchema,
  note: text(500).optional(),
  since: isoDateSchema.nullable().optional(),
});

// ---------------------------------------------------------------- activity, params

export const entityParams = z.strictObject({ entityType: entityTypeSchema, entityId: idSchema });
export const organisationParams = z.strictObject({ organisationId: idSchema });
export const personParams = z.strictObject({ personId: idSchema });
export const projectParams = z.strictObject({ projectId: idSchema });

// ---------------------------------------------------------------- community notes, tags, ratings

export const noteSchema = z.object({
  id: idSchema,
  entityType: entityTypeSchema,
  entityId: idSchema,
  body: z.string(),
  author: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Note = z.infer<typeof noteSchema>;

/**
 * Both are required. They are optional here only so the community gate answers first: a
 * request to another community's notes is 404 whatever its query (the service then asks for them).
 */
export const noteQuery = z.strictObject({ entityType: entityTypeSchema.optional(), entityId: idSchema.optional() });
export const noteInput = z.strictObject({ entityType: entityTypeSchema, entityId: idSchema, body: text(4000).min(1) });
export const noteUpdateInput = z.strictObject({ body: text(4000).min(1) });

export const annotationSchema = z.object({
  entityType: entityTypeSchema,
  entityId: idSchema,
  tags: z.array(z.string()),
  rating: z.number().int().min(1).max(5).nullable(),
  updatedAt: timestampSchema.nullable(),
});
export type Annotation = z.infer<typeof annotationSchema>;

export const annotationInput = z.strictObject({
  entityType: entityTypeSchema,
  entityId: idSchema,
  tags: z.array(text(30).min(1)).max(30),
  rating: z.number().int().min(1).max(5).nullable(),
});

/** The tags a community uses, with how many records carry each, most used first (autocomplete). */
export const tagCountSchema = z.object({ tag: z.string(), count: z.number().int() });
export const noteParams = z.strictObject({ communityId: idSchema, noteId: idSchema });

// ---------------------------------------------------------------- further params and responses

/** GET /api/taxonomy: every term, grouped by taxonomy, each list in sortOrder. */
export const taxonomyCatalogueSchema = z.object({
  segment: z.array(taxonomyTermSchema),
  qualification: z.array(taxonomyTermSchema),
  service: z.array(taxonomyTermSchema),
  stage: z.array(taxonomyTermSchema),
});
export type TaxonomyCatalogue = z.infer<typeof taxonomyCatalogueSchema>;
export const taxonomyParams = z.strictObject({ taxonomy: taxonomySchema });

export const representativeParams = z.strictObject({ organisationId: idSchema, userId: idSchema });
export const affiliationParams = z.strictObject({ personId: idSchema, affiliationId: idSchema });
export const attachmentParams = z.strictObject({ projectId: idSchema, attachmentId: idSchema });
export const linkParams = z.strictObject({ linkId: idSchema });
export const fileParams = z.strictObject({ fileId: idSchema });
export const attachmentKindSchema = z.enum(['pitch_deck', 'other']);
/** GET /api/directory/:entityType/:entityId/activity: keyset pages of the record's audit entries, newest first. */
export const activityQuery = z.strictObject({ ...pageQuery });

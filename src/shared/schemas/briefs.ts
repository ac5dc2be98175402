/**
 * The API contract of technology briefs (技术成果): a short, standard description of a result
 * available for licensing, co-development or investment, published by a research institute, a
 * hospital or a startup, to everyone signed in or to the members of chosen communities.
 */
import { z } from 'zod';
import { BRIEF_MATURITIES, BRIEF_PARTNERSHIPS, BRIEF_STATUSES, IP_STATUSES, LISTING_VISIBILITIES } from '../../domain/matching/vocabularies';
import { communityRefSchema, idSchema, multiLineText, oneLineText, pageQuery, timestampSchema } from './common';

export const briefMaturitySchema = z.enum(BRIEF_MATURITIES);
export const briefPartnershipSchema = z.enum(BRIEF_PARTNERSHIPS);
export const briefStatusSchema = z.enum(BRIEF_STATUSES);
export const ipStatusSchema = z.enum(IP_STATUSES);
export const listingVisibilitySchema = z.enum(LISTING_VISIBILITIES);

/** The organisation kinds that publish briefs: research institutions, hospitals and (startup) enterprises. */
export const BRIEF_OWNER_KINDS = ['university', 'research_institute', 'hospital', 'enterprise'] as const;

export const briefParams = z.strictObject({ briefId: idSchema });

const versionSchema = z.number().int().min(1);
const CONTROL = 'brief_control_characters';

// ---------------------------------------------------------------- reading

export const briefOrganisationSchema = z.object({
  id: idSchema,
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  shortNameZh: z.string().nullable(),
  shortNameEn: z.string().nullable(),
});

export const briefSchema = z.object({
  id: idSchema,
  organisation: briefOrganisationSchema,
  /** The community whose staff posted it for the organisation (null: its representatives did). */
  postedByCommunity: communityRefSchema.nullable(),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  problem: z.string(),
  solution: z.string(),
  advantages: z.string(),
  maturity: briefMaturitySchema,
  ipStatus: ipStatusSchema,
  ipDetail: z.string(),
  partnerships: z.array(briefPartnershipSchema),
  partnerSought: z.string(),
  segments: z.array(z.string()),
  keywords: z.array(z.string()),
  visibility: listingVisibilitySchema,
  /** Visibility "communities": the chosen communities (a non-editor sees only those they belong to). */
  communities: z.array(communityRefSchema),
  status: briefStatusSchema,
  publishedAt: timestampSchema.nullable(),
  contact: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  /** Whether the viewer may edit, publish, withdraw (and, for a draft, delete) it. */
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Brief = z.infer<typeof briefSchema>;

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const briefQuery = z.strictObject({
  /** Words looked for in the title, problem, solution, advantages and keywords (all must occur). */
  q: oneLineText(100, CONTROL).optional(),
  segment: z.string().max(60).optional(),
  maturity: briefMaturitySchema.optional(),
  partnership: briefPartnershipSchema.optional(),
  organisationId: idSchema.optional(),
  /** The briefs the viewer may edit, in every status (drafts and withdrawn ones included). */
  mine: flag,
  status: briefStatusSchema.optional(),
  ...pageQuery,
});
export type BriefQuery = z.output<typeof briefQuery>;

export const briefPageSchema = z.object({ items: z.array(briefSchema), nextCursor: z.string().nullable() });
export type BriefPage = z.infer<typeof briefPageSchema>;

/** What the form offers: the organisations the viewer may post for and the communities they may choose. */
export const briefOptionsSchema = z.object({
  organisations: z.array(
    briefOrganisationSchema.extend({
      /** How the viewer may post for it: as its representative, as staff of its steward community, as a platform admin. */
      via: z.enum(['representative', 'community', 'platform']),
      communityId: idSchema.nullable(),
    }),
  ),
  communities: z.array(communityRefSchema),
});
export type BriefOptions = z.infer<typeof briefOptionsSchema>;

// ---------------------------------------------------------------- writing

const fields = {
  titleZh: oneLineText(200, CONTROL).pipe(z.string().min(1)),
  titleEn: oneLineText(200, CONTROL)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  problem: multiLineText(4000, CONTROL).pipe(z.string().min(1)),
  solution: multiLineText(4000, CONTROL).pipe(z.string().min(1)),
  advantages: multiLineText(4000, CONTROL).default(''),
  maturity: briefMaturitySchema,
  ipStatus: ipStatusSchema,
  ipDetail: multiLineText(2000, CONTROL).default(''),
  partnerships: z
    .array(briefPartnershipSchema)
    .min(1)
    .transform((v) => [...new Set(v)]),
  partnerSought: multiLineText(2000, CONTROL).default(''),
  segments: z
    .array(z.string().max(60))
    .max(10)
    .default([])
    .transform((v) => [...new Set(v)]),
  keywords: z
    .array(oneLineText(40, CONTROL).pipe(z.string().min(1)))
    .max(20)
    .default([])
    .transform((v) => [...new Set(v)]),
  visibility: listingVisibilitySchema.default('public'),
  communityIds: z
    .array(idSchema)
    .max(20)
    .default([])
    .transform((v) => [...new Set(v)]),
  /** Who answers enquiries: the writer or a representative of the organisation (default: the writer). */
  contactUserId: idSchema.nullable().optional(),
};

export const briefCreateInput = z.strictObject({ organisationId: idSchema, ...fields });
export type BriefCreateInput = z.output<typeof briefCreateInput>;

/** An edit names the fields it changes and the version it started from. */
export const briefUpdateInput = z.strictObject({
  titleZh: fields.titleZh.optional(),
  titleEn: oneLineText(200, CONTROL)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null)),
  problem: fields.problem.optional(),
  solution: fields.solution.optional(),
  advantages: multiLineText(4000, CONTROL).optional(),
  maturity: briefMaturitySchema.optional(),
  ipStatus: ipStatusSchema.optional(),
  ipDetail: multiLineText(2000, CONTROL).optional(),
  partnerships: fields.partnerships.optional(),
  partnerSought: multiLineText(2000, CONTROL).optional(),
  segments: z
    .array(z.string().max(60))
    .max(10)
    .transform((v) => [...new Set(v)])
    .optional(),
  keywords: z
    .array(oneLineText(40, CONTROL).pipe(z.string().min(1)))
    .max(20)
    .transform((v) => [...new Set(v)])
    .optional(),
  visibility: listingVisibilitySchema.optional(),
  communityIds: z
    .array(idSchema)
    .max(20)
    .transform((v) => [...new Set(v)])
    .optional(),
  contactUserId: idSchema.nullable().optional(),
  version: versionSchema,
});
export type BriefUpdateInput = z.output<typeof briefUpdateInput>;

export const briefVersionInput = z.strictObject({ version: versionSchema });

/**
 * The API contract of landing and incubation: a community's zones, the landings (落户) of
 * companies in it, incubation records, and resident companies' yearly figures. Money is integer
 * fen; areas are square metres; dates are ISO dates.
 */
import { z } from 'zod';
import { INCUBATION_STATUSES, ZONE_KINDS } from '../../domain/lifecycle/vocabularies';
import { idSchema, timestampSchema } from './common';
import { entityRefSchema, fenSchema, isoDateSchema } from './directory';

export const zoneKindSchema = z.enum(ZONE_KINDS);
export const incubationStatusSchema = z.enum(INCUBATION_STATUSES);

const text = (max: number) => z.string().trim().max(max);
const areaSchema = z.number().int().min(0).max(100_000_000);
const versionSchema = z.number().int().min(1);
const headcountSchema = z.number().int().min(0).max(10_000_000);

// ---------------------------------------------------------------- zones

export const zoneSchema = z.object({
  id: idSchema,
  kind: zoneKindSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  totalAreaSqm: z.number().int().nullable(),
  /** The landings' floor area in the zone. */
  occupiedAreaSqm: z.number().int(),
  /** Total minus occupied (negative when over-committed); null without a total. */
  freeAreaSqm: z.number().int().nullable(),
  landingCount: z.number().int(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  createdAt: timestampSchema,
});
export type Zone = z.infer<typeof zoneSchema>;

const zoneFields = {
  kind: zoneKindSchema,
  nameZh: text(60).min(1),
  nameEn: text(120).nullable().optional(),
  totalAreaSqm: areaSchema.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};
export const zoneCreateInput = z.strictObject(zoneFields);
export type ZoneCreateInput = z.input<typeof zoneCreateInput>;
export const zoneUpdateInput = z.strictObject({
  version: versionSchema,
  kind: zoneFields.kind.optional(),
  nameZh: zoneFields.nameZh.optional(),
  nameEn: zoneFields.nameEn,
  totalAreaSqm: zoneFields.totalAreaSqm,
  sortOrder: zoneFields.sortOrder,
});
export type ZoneUpdateInput = z.input<typeof zoneUpdateInput>;
export const zoneParams = z.strictObject({ communityId: idSchema, zoneId: idSchema });

// ---------------------------------------------------------------- landings

export const zoneRefSchema = z.object({ id: idSchema, kind: zoneKindSchema, nameZh: z.string(), nameEn: z.string().nullable() });
export type ZoneRef = z.infer<typeof zoneRefSchema>;

export const landingSchema = z.object({
  id: idSchema,
  organisation: entityRefSchema,
  /** Null also when the project exists but the viewer may not see it. */
  project: entityRefSchema.nullable(),
  pipelineItemId: idSchema.nullable(),
  zone: zoneRefSchema.nullable(),
  floorAreaSqm: z.number().int().nullable(),
  registeredCapitalFen: z.number().int().nullable(),
  committedInvestmentFen: z.number().int().nullable(),
  landedOn: isoDateSchema,
  note: z.string(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Landing = z.infer<typeof landingSchema>;

/** What recording a landing did besides the landing itself. */
export const landingCreatedSchema = landingSchema.extend({
  /** The organisation was not yet linked resident_of the community; the link was made. */
  residentLinkCreated: z.boolean(),
  /** The accepted referral of the project to this community, now `landed`. */
  landedReferralId: idSchema.nullable(),
});
export type LandingCreated = z.infer<typeof landingCreatedSchema>;

const landingEditable = {
  zoneId: idSchema.nullable().optional(),
  floorAreaSqm: areaSchema.nullable().optional(),
  registeredCapitalFen: fenSchema.nullable().optional(),
  committedInvestmentFen: fenSchema.nullable().optional(),
  note: text(2000).optional(),
};

/**
 * The company that registered (an enterprise of the directory), optionally the project it
 * carries and the pipeline item it came from. A second landing of the same company in the
 * community answers 409 duplicate_record.
 */
export const landingCreateInput = z.strictObject({
  organisationId: idSchema,
  projectId: idSchema.nullable().optional(),
  pipelineItemId: idSchema.nullable().optional(),
  landedOn: isoDateSchema,
  ...landingEditable,
});
export type LandingCreateInput = z.input<typeof landingCreateInput>;

/** The company, project and item stay; a wrong company is deleted and recorded again. */
export const landingUpdateInput = z.strictObject({ version: versionSchema, landedOn: isoDateSchema.optional(), ...landingEditable });
export type LandingUpdateInput = z.input<typeof landingUpdateInput>;

export const landingParams = z.strictObject({ communityId: idSchema, landingId: idSchema });

export const landingListQuery = z.strictObject({
  zoneId: idSchema.optional(),
  year: z.coerce.number().int().min(1950).max(2200).optional(),
  /** Words in the company's or the project's name. */
  q: text(100).optional(),
});
export type LandingListQuery = z.input<typeof landingListQuery>;

export const landingTotalsSchema = z.object({
  count: z.number().int(),
  floorAreaSqm: z.number().int(),
  registeredCapitalFen: z.number().int(),
  committedInvestmentFen: z.number().int(),
});
export type LandingTotals = z.infer<typeof landingTotalsSchema>;

export const landingListSchema = z.object({ items: z.array(landingSchema), totals: landingTotalsSchema });
export type LandingList = z.infer<typeof landingListSchema>;

// ---------------------------------------------------------------- incubation

export const incubationSchema = z.object({
  id: idSchema,
  organisation: entityRefSchema,
  status: incubationStatusSchema,
  batch: z.string(),
  admittedOn: isoDateSchema,
  graduatedOn: isoDateSchema.nullable(),
  listedOn: isoDateSchema.nullable(),
  stockCode: z.string().nullable(),
  exitedOn: isoDateSchema.nullable(),
  exitReason: z.string(),
  /** The statuses the record may move to without a correction. */
  nextStatuses: z.array(incubationStatusSchema),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Incubation = z.infer<typeof incubationSchema>;

export const incubationCreateInput = z.strictObject({
  organisationId: idSchema,
  batch: text(60).optional(),
  admittedOn: isoDateSchema,
});
export type IncubationCreateInput = z.input<typeof incubationCreateInput>;

/**
 * A status change with its dates (graduatedOn, listedOn + stockCode, exitedOn), or a fix of the
 * batch and dates. Moving back is a correction: community admins only, with a `reason`.
 */
export const incubationUpdateInput = z.strictObject({
  version: versionSchema,
  status: incubationStatusSchema.optional(),
  batch: text(60).optional(),
  admittedOn: isoDateSchema.optional(),
  graduatedOn: isoDateSchema.nullable().optional(),
  listedOn: isoDateSchema.nullable().optional(),
  stockCode: text(20).nullable().optional(),
  exitedOn: isoDateSchema.nullable().optional(),
  exitReason: text(500).optional(),
  reason: text(500).optional(),
});
export type IncubationUpdateInput = z.input<typeof incubationUpdateInput>;

export const incubationParams = z.strictObject({ communityId: idSchema, incubationId: idSchema });

export const incubationListQuery = z.strictObject({
  status: incubationStatusSchema.optional(),
  batch: text(60).optional(),
});
export type IncubationListQuery = z.input<typeof incubationListQuery>;

export const incubationListSchema = z.object({
  items: z.array(incubationSchema),
  /** Records per status (of the whole community, whatever the filters). */
  byStatus: z.record(z.string(), z.number().int()),
  /** The batches in use, newest admission first. */
  batches: z.array(z.string()),
});
export type IncubationList = z.infer<typeof incubationListSchema>;

// ---------------------------------------------------------------- yearly figures

export const figuresSchema = z.object({
  year: z.number().int(),
  revenueFen: z.number().int().nullable(),
  headcount: z.number().int().nullable(),
  rndSpendFen: z.number().int().nullable(),
  taxFen: z.number().int().nullable(),
  enteredAs: z.enum(['company', 'staff']),
  enteredBy: z.object({ userId: idSchema, displayName: z.string() }).nullable(),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type Figures = z.infer<typeof figuresSchema>;

export const companyFiguresSchema = z.object({
  organisation: entityRefSchema,
  /** The signed-in user may enter figures (staff, or a representative of the company). */
  canEdit: z.boolean(),
  years: z.array(figuresSchema),
});
export type CompanyFigures = z.infer<typeof companyFiguresSchema>;

/** Omit `version` to enter a year for the first time; name it to change the year's figures. */
export const figuresInput = z.strictObject({
  revenueFen: fenSchema.nullable(),
  headcount: headcountSchema.nullable(),
  rndSpendFen: fenSchema.nullable(),
  taxFen: fenSchema.nullable(),
  version: versionSchema.optional(),
});
export type FiguresInput = z.input<typeof figuresInput>;

export const companyParams = z.strictObject({ communityId: idSchema, organisationId: idSchema });
export const companyYearParams = z.strictObject({ communityId: idSchema, organisationId: idSchema, year: z.coerce.number().int().min(1950).max(2200) });

/** Omitted: last year (in the community's time zone), the year companies have just closed. */
export const figuresTableQuery = z.strictObject({ year: z.coerce.number().int().min(1950).max(2200).optional() });

export const figuresRowSchema = z.object({
  organisation: entityRefSchema,
  /** Null when the company has not entered this year. */
  figures: figuresSchema.nullable(),
});
export const figuresTableSchema = z.object({
  year: z.number().int(),
  rows: z.array(figuresRowSchema),
  totals: z.object({
    companies: z.number().int(),
    reported: z.number().int(),
    revenueFen: z.number().int(),
    headcount: z.number().int(),
    rndSpendFen: z.number().int(),
    taxFen: z.number().int(),
  }),
});
export type FiguresTable = z.infer<typeof figuresTableSchema>;

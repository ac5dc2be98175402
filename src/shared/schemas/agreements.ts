/**
 * The API contract of agreements: cooperation, strategic, investment, landing, licensing and
 * service agreements with two or more parties, their attachments, and the totals parks report
 * upwards. Money is integer fen; dates are ISO dates.
 */
import { z } from 'zod';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, PARTY_ROLES } from '../../domain/lifecycle/vocabularies';
import { idSchema, pageQuery, timestampSchema } from './common';
import { entityRefSchema, fenSchema, isoDateSchema } from './directory';

export const agreementKindSchema = z.enum(AGREEMENT_KINDS);
export const agreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export const partyRoleSchema = z.enum(PARTY_ROLES);

const text = (max: number) => z.string().trim().max(max);
const segmentCode = z.string().regex(/^[a-z0-9][a-z0-9_]{0,62}$/);

/** Statuses as a comma-separated list in a query string (`status=signed,in_force`). */
const statusList = z
  .string()
  .max(100)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(agreementStatusSchema).min(1));

export const agreementParams = z.strictObject({ communityId: idSchema, agreementId: idSchema });
export const agreementFileParams = z.strictObject({ communityId: idSchema, agreementId: idSchema, agreementFileId: idSchema });

// ---------------------------------------------------------------- records

export const agreementPartySchema = z.object({
  organisation: entityRefSchema,
  role: partyRoleSchema,
  position: z.number().int(),
});
export type AgreementParty = z.infer<typeof agreementPartySchema>;

export const agreementFileSchema = z.object({
  id: idSchema,
  fileId: idSchema,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: timestampSchema,
});
export type AgreementFile = z.infer<typeof agreementFileSchema>;

export const agreementSchema = z.object({
  id: idSchema,
  communityId: idSchema,
  kind: agreementKindSchema,
  title: z.string(),
  amountFen: z.number().int().nullable(),
  signedOn: isoDateSchema,
  signedPlace: z.string(),
  /** The event it was signed at; an opaque id until events arrive. */
  eventId: idSchema.nullable(),
  /** The event's title, to link to it (absent on records written before events). */
  event: z.object({ id: idSchema, title: z.string() }).nullable().optional(),
  status: agreementStatusSchema,
  /** Null also when the project exists but the viewer may not see it. */
  project: entityRefSchema.nullable(),
  segment: z.string().nullable(),
  pipelineItemId: idSchema.nullable(),
  note: z.string(),
  parties: z.array(agreementPartySchema),
  fileCount: z.number().int(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementDetailSchema = agreementSchema.extend({ files: z.array(agreementFileSchema) });
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

export const agreementPageSchema = z.object({ items: z.array(agreementSchema), nextCursor: z.string().nullable(), total: z.number().int() });
export type AgreementPage = z.infer<typeof agreementPageSchema>;

// ---------------------------------------------------------------- input

export const agreementPartyInput = z.strictObject({ organisationId: idSchema, role: partyRoleSchema });
export type AgreementPartyInput = z.input<typeof agreementPartyInput>;

/** Two or more distinct organisations, in signing order (甲方 first). */
const partiesInput = z.array(agreementPartyInput).min(2).max(20);

const fields = {
  kind: agreementKindSchema,
  title: text(200).min(1),
  amountFen: fenSchema.nullable().optional(),
  signedOn: isoDateSchema,
  signedPlace: text(200).optional(),
  eventId: idSchema.nullable().optional(),
  status: agreementStatusSchema.optional(),
  projectId: idSchema.nullable().optional(),
  /** Omitted: the project's segment, else the first party's first segment, else none. */
  segment: segmentCode.nullable().optional(),
  pipelineItemId: idSchema.nullable().optional(),
  note: text(4000).optional(),
  parties: partiesInput,
};

export const agreementCreateInput = z.strictObject(fields);
export type AgreementCreateInput = z.input<typeof agreementCreateInput>;

export const agreementUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  kind: fields.kind.optional(),
  title: fields.title.optional(),
  amountFen: fields.amountFen,
  signedOn: fields.signedOn.optional(),
  signedPlace: fields.signedPlace,
  eventId: fields.eventId,
  status: fields.status,
  projectId: fields.projectId,
  segment: fields.segment,
  pipelineItemId: fields.pipelineItemId,
  note: fields.note,
  /** When present, replaces the parties as a set. */
  parties: partiesInput.optional(),
});
export type AgreementUpdateInput = z.input<typeof agreementUpdateInput>;

export const agreementQuery = z.strictObject({
  kind: agreementKindSchema.optional(),
  status: agreementStatusSchema.optional(),
  segment: segmentCode.optional(),
  /** Signed on or after. */
  from: isoDateSchema.optional(),
  /** Signed on or before. */
  to: isoDateSchema.optional(),
  /** Words in the title or a party's name. */
  q: z.string().trim().max(100).optional(),
  projectId: idSchema.optional(),
  pipelineItemId: idSchema.optional(),
  ...pageQuery,
});
export type AgreementQuery = z.input<typeof agreementQuery>;

// ---------------------------------------------------------------- totals

export const totalsQuery = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Statuses to count; omitted: all but terminated. */
  status: statusList.optional(),
});
export type TotalsQuery = z.input<typeof totalsQuery>;

export const platformTotalsQuery = totalsQuery.extend({ communityId: idSchema.optional() });
export type PlatformTotalsQuery = z.input<typeof platformTotalsQuery>;

const bucket = {
  count: z.number().int(),
  /** Distinct projects (an agreement without a project counts for none). */
  projectCount: z.number().int(),
  amountFen: z.number().int(),
  /** Agreements without an amount (counted, adding nothing to the amount). */
  withoutAmount: z.number().int(),
};

export const agreementTotalsSchema = z.object({
  /** The period asked for (null: open-ended). */
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  statuses: z.array(agreementStatusSchema),
  /** Null for the platform-wide totals. */
  communityId: idSchema.nullable(),
  ...bucket,
  byKind: z.array(z.object({ kind: agreementKindSchema, ...bucket })),
  bySegment: z.array(
    z.object({
      segment: z.string().nullable(),
      nameZhHans: z.string().nullable(),
      nameZhHant: z.string().nullable(),
      nameEn: z.string().nullable(),
      ...bucket,
    }),
  ),
  /** YYYY-MM, months with agreements only. */
  byMonth: z.array(z.object({ month: z.string(), ...bucket })),
});
export type AgreementTotalsReply = z.infer<typeof agreementTotalsSchema>;

export const exportQuery = totalsQuery;

/**
 * The API contract of referrals: one community refers a project to another, which accepts it
 * into one of its pipelines or declines it with a reason. The referring side sees the status
 * (and a decline's reason) only; `acceptedItemId` and the decider appear on the receiving side.
 */
import { z } from 'zod';
import { DECLINE_REASONS, REFERRAL_STATUSES } from '../../domain/lifecycle/vocabularies';
import { communityRefSchema, idSchema, pageQuery, timestampSchema } from './common';
import { fenSchema, isoDateSchema } from './directory';

export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
export const declineReasonSchema = z.enum(DECLINE_REASONS);
export const referralDirectionSchema = z.enum(['outgoing', 'incoming']);
export type ReferralDirection = z.infer<typeof referralDirectionSchema>;

const versionSchema = z.number().int().min(1);

export const referralParams = z.strictObject({ communityId: idSchema, referralId: idSchema });

// ---------------------------------------------------------------- reading

/** The referred project as either side names it: null when the viewer may no longer see it. */
export const referralProjectSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
});

/** What the receiving side also sees of the project, to decide. */
export const referralProjectSummarySchema = z.object({
  segment: z.string(),
  track: z.string(),
  stage: z.string(),
  summaryZh: z.string(),
  summaryEn: z.string(),
  fundingSoughtFen: fenSchema.nullable(),
  ownerOrganisation: z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
});

export const referralSchema = z.object({
  id: idSchema,
  /** From the asking community's side. */
  direction: referralDirectionSchema,
  fromCommunity: communityRefSchema,
  toCommunity: communityRefSchema,
  project: referralProjectSchema.nullable(),
  note: z.string(),
  status: referralStatusSchema,
  declineReason: declineReasonSchema.nullable(),
  declineNote: z.string(),
  decidedAt: timestampSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Incoming only: the item in the receiving community's own pipeline. */
  acceptedItemId: idSchema.nullable().optional(),
  /** Incoming only: the pipeline holding that item (for the link to the board). */
  acceptedPipelineId: idSchema.nullable().optional(),
  /** Incoming only. */
  decidedBy: z.object({ id: idSchema, displayName: z.string() }).nullable().optional(),
  /** Incoming only (and only while the project is visible). */
  projectSummary: referralProjectSummarySchema.nullable().optional(),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralQuery = z.strictObject({
  direction: referralDirectionSchema.default('incoming'),
  status: referralStatusSchema.optional(),
  ...pageQuery,
});

export const referralPageSchema = z.object({ items: z.array(referralSchema), nextCursor: z.string().nullable() });
export type ReferralPage = z.infer<typeof referralPageSchema>;

// ---------------------------------------------------------------- writing

export const referralInput = z.strictObject({
  toCommunityId: idSchema,
  projectId: idSchema,
  note: z.string().trim().max(2000).default(''),
});

export const acceptReferralInput = z.strictObject({
  pipelineId: idSchema,
  stageId: idSchema.optional(),
  ownerUserId: idSchema.nullable().optional(),
  version: versionSchema,
});

export const declineReferralInput = z.strictObject({
  reason: declineReasonSchema,
  note: z.string().trim().max(2000).default(''),
  version: versionSchema,
});

export const withdrawReferralInput = z.strictObject({ version: versionSchema });

// ---------------------------------------------------------------- statistics and targets

export const referralStatsQuery = z.strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

export const referralCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  withdrawn: z.number().int(),
  landed: z.number().int(),
  /**
   * Of the referrals the receiver decided (accepted, landed or declined), the share accepted
   * (accepted or landed), 0–1; null when none was decided.
   */
  acceptanceRate: z.number().nullable(),
});
export type ReferralCounts = z.infer<typeof referralCountsSchema>;

export const referralStatsSchema = z.object({
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  sent: referralCountsSchema,
  received: referralCountsSchema,
});
export type ReferralStats = z.infer<typeof referralStatsSchema>;

export const referralTargetSchema = communityRefSchema;
export type ReferralTarget = z.infer<typeof referralTargetSchema>;

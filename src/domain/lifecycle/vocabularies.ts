/**
 * The fixed vocabularies of the project lifecycle, the 招商 pipelines, referrals, landing and
 * agreements: values the code branches on, so they are code, with CHECK constraints in the
 * database. What communities shape themselves (pipeline stages, zones, lifecycle models and
 * milestone kinds) is data.
 */

/** What a stage change was: one step on, a jump over stages, or back (never silent). */
export const STAGE_MOVE_KINDS = ['initial', 'advance', 'skip', 'rollback'] as const;
export type StageMoveKind = (typeof STAGE_MOVE_KINDS)[number];

// ---------------------------------------------------------------- pipelines

export const PIPELINE_KINDS = ['attraction', 'incubation', 'investment', 'other'] as const;
export type PipelineKind = (typeof PIPELINE_KINDS)[number];

/**
 * What the web app offers when an item enters a stage: record the agreement it signed, or the
 * landing it made. The stage still moves when the person declines the offer.
 */
export const STAGE_ACTIONS = ['none', 'agreement', 'landing'] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

export const ACTIVITY_KINDS = ['call', 'visit', 'meeting', 'email', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Why an item left the pipeline without landing. `other` needs a note. */
export const LOSS_REASONS = [
  'chose_other_location',
  'policy_mismatch',
  'funding_failed',
  'project_stopped',
  'space_unavailable',
  'no_response',
  'duplicate',
  'other',
] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

/** Where an item came from. */
export const ITEM_SOURCES = ['direct', 'referral', 'event', 'import', 'matching'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

/** What the history of an item records. */
export const ITEM_EVENT_KINDS = ['created', 'advance', 'skip', 'rollback', 'lost', 'reopened'] as const;
export type ItemEventKind = (typeof ITEM_EVENT_KINDS)[number];

// ---------------------------------------------------------------- referrals

/**
 * A referral's status is all the referring community ever learns of the receiving side:
 * pending, accepted into some pipeline (which one stays private), declined with a reason,
 * withdrawn by the referrer, or landed once the project landed in the receiving community.
 */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'landed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const DECLINE_REASONS = ['not_in_focus', 'no_space', 'stage_too_early', 'already_known', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

// ---------------------------------------------------------------- landing and incubation

/** A zone's purpose (研发区, 加速区, 产业化区); the zones themselves are a community's data. */
export const ZONE_KINDS = ['rnd', 'acceleration', 'industrialisation', 'office', 'other'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const INCUBATION_STATUSES = ['admitted', 'graduated', 'listed', 'exited'] as const;
export type IncubationStatus = (typeof INCUBATION_STATUSES)[number];

// ---------------------------------------------------------------- agreements

export const AGREEMENT_KINDS = ['cooperation', 'strategic', 'investment', 'landing', 'licensing', 'service'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_STATUSES = ['signed', 'in_force', 'completed', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** A party's role in an agreement (甲方, 乙方, 丙方 … or the role the kind implies). */
export const PARTY_ROLES = [
  'party_a',
  'party_b',
  'party_c',
  'investor',
  'investee',
  'licensor',
  'licensee',
  'provider',
  'client',
  'guarantor',
  'witness',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

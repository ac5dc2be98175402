/**
 * The API contract of challenges (需求揭榜): a company, hospital or park publishes a need with a
 * deadline; teams answer with a one-page proposal in a fixed structure; the poster side screens
 * the answers through stages and talks to a team in a private thread.
 *
 * What each side sees is decided by the server: the poster side gets every answer with its
 * screening note; a team gets its own answer without the note. Field messages are codes the web
 * translates (`fieldErrors.<code>`).
 */
import { z } from 'zod';
import {
  ANSWER_EVENT_KINDS,
  ANSWER_STAGES,
  ANSWER_STATUSES,
  CHALLENGE_KINDS,
  CHALLENGE_STATUSES,
  LISTING_VISIBILITIES,
  THREAD_SIDES,
} from '../../domain/matching/vocabularies';
import { communityRefSchema, idSchema, multiLineText, oneLineText, pageQuery, timestampSchema } from './common';
import { fenSchema } from './directory';

export const challengeKindSchema = z.enum(CHALLENGE_KINDS);
export const challengeStatusSchema = z.enum(CHALLENGE_STATUSES);
export const answerStageSchema = z.enum(ANSWER_STAGES);
export const answerStatusSchema = z.enum(ANSWER_STATUSES);
export const answerEventKindSchema = z.enum(ANSWER_EVENT_KINDS);
export const threadSideSchema = z.enum(THREAD_SIDES);
export const listingVisibilitySchema = z.enum(LISTING_VISIBILITIES);
export const posterTypeSchema = z.enum(['organisation', 'community']);

const versionSchema = z.number().int().min(1);
const CONTROL = 'challenge_control_characters';
const codeList = z.array(oneLineText(60, CONTROL).pipe(z.string().min(1))).max(20);

export const challengeParams = z.strictObject({ challengeId: idSchema });
export const answerParams = z.strictObject({ challengeId: idSchema, answerId: idSchema });

// ---------------------------------------------------------------- challenges

/** Who posted a challenge: an organisation (its representatives) or a community (its staff). */
export const challengePosterSchema = z.object({
  type: posterTypeSchema,
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  /** The community's slug (type community), else null. */
  slug: z.string().nullable(),
});
export type ChallengePoster = z.infer<typeof challengePosterSchema>;

/** The viewer's own answer to a challenge, as a card shows it. */
export const myAnswerRefSchema = z.object({ id: idSchema, stage: answerStageSchema, status: answerStatusSchema });

export const stageCountsSchema = z.object({
  submitted: z.number().int(),
  qualified: z.number().int(),
  shortlisted: z.number().int(),
  finalist: z.number().int(),
  chosen: z.number().int(),
  declined: z.number().int(),
  withdrawn: z.number().int(),
  /** Active answers (not declined, not withdrawn). */
  active: z.number().int(),
});
export type StageCounts = z.infer<typeof stageCountsSchema>;

export const challengeSchema = z.object({
  id: idSchema,
  poster: challengePosterSchema,
  kind: challengeKindSchema,
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  description: z.string(),
  requirements: z.string(),
  offer: z.string(),
  budgetFen: fenSchema.nullable(),
  segments: z.array(z.string()),
  keywords: z.array(z.string()),
  deadline: timestampSchema,
  visibility: listingVisibilitySchema,
  /** The communities whose members see it (visibility communities). */
  communities: z.array(communityRefSchema),
  /** As stored; an open challenge past its deadline takes no answers (see acceptingAnswers). */
  status: challengeStatusSchema,
  /** Open and before the deadline. */
  acceptingAnswers: z.boolean(),
  publishedAt: timestampSchema.nullable(),
  /** The viewer speaks for the poster (screens answers, edits the challenge). */
  isPoster: z.boolean(),
  /** Poster side only: answers by stage; null for everyone else. */
  answerCounts: stageCountsSchema.nullable(),
  /** The viewer's own answer, if any (never for the poster side). */
  myAnswer: myAnswerRefSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Challenge = z.infer<typeof challengeSchema>;

export const challengePageSchema = z.object({ items: z.array(challengeSchema), nextCursor: z.string().nullable() });
export type ChallengePage = z.infer<typeof challengePageSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const challengeQuery = z.strictObject({
  kind: challengeKindSchema.optional(),
  segment: oneLineText(60, CONTROL).optional(),
  q: oneLineText(100, CONTROL).optional(),
  /** open: taking answers; closed: closed or past the deadline; draft / cancelled: poster side only. */
  status: challengeStatusSchema.optional(),
  /** The poster side's own challenges, drafts included. */
  mine: booleanQuery.default(false),
  ...pageQuery,
});

const challengeFields = {
  kind: challengeKindSchema,
  titleZh: oneLineText(120, CONTROL).pipe(z.string().min(1, 'required')),
  titleEn: oneLineText(200, CONTROL).nullable().optional(),
  description: multiLineText(8000, CONTROL).pipe(z.string().min(1, 'required')),
  requirements: multiLineText(4000, CONTROL).default(''),
  offer: multiLineText(4000, CONTROL).default(''),
  budgetFen: fenSchema.nullable().optional(),
  segments: codeList.default([]),
  keywords: codeList.default([]),
  deadline: timestampSchema,
  visibility: listingVisibilitySchema.default('public'),
  /** Required (at least one) when visibility is communities; communities the poster belongs to. */
  communityIds: z.array(idSchema).max(20).default([]),
};

export const challengeInput = z.strictObject({
  posterType: posterTypeSchema,
  /** The organisation or community posting. */
  posterId: idSchema,
  ...challengeFields,
});
export type ChallengeInput = z.input<typeof challengeInput>;

export const challengePatch = z.strictObject({
  kind: challengeFields.kind.optional(),
  titleZh: challengeFields.titleZh.optional(),
  titleEn: challengeFields.titleEn,
  description: challengeFields.description.optional(),
  requirements: multiLineText(4000, CONTROL).optional(),
  offer: multiLineText(4000, CONTROL).optional(),
  budgetFen: fenSchema.nullable().optional(),
  segments: codeList.optional(),
  keywords: codeList.optional(),
  deadline: timestampSchema.optional(),
  visibility: listingVisibilitySchema.optional(),
  communityIds: z.array(idSchema).max(20).optional(),
  version: versionSchema,
});
export type ChallengePatch = z.input<typeof challengePatch>;

export const versionInput = z.strictObject({ version: versionSchema });

/** Where the viewer may post from: organisations they represent, communities where they hold pipeline.write. */
export const posterOptionSchema = z.object({ type: posterTypeSchema, id: idSchema, nameZh: z.string(), nameEn: z.string().nullable(), kind: z.string() });
export type PosterOption = z.infer<typeof posterOptionSchema>;

/** What the challenge form offers: posters, and the communities the viewer belongs to (for visibility). */
export const challengeOptionsSchema = z.object({
  posters: z.array(posterOptionSchema),
  communities: z.array(communityRefSchema),
  /** Organisations the viewer represents (an answer may be sent for one). */
  organisations: z.array(z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string().nullable() })),
});
export type ChallengeOptions = z.infer<typeof challengeOptionsSchema>;

// ---------------------------------------------------------------- answers

const answerFields = {
  /** An organisation the submitter represents, or none. */
  organisationId: idSchema.nullable().optional(),
  teamName: oneLineText(120, CONTROL).pipe(z.string().min(1, 'required')),
  /** 概述 */
  summary: multiLineText(1500, CONTROL).pipe(z.string().min(1, 'required')),
  /** 技术方案 */
  approach: multiLineText(3000, CONTROL).pipe(z.string().min(1, 'required')),
  /** 已有基础 */
  evidence: multiLineText(2000, CONTROL).pipe(z.string().min(1, 'required')),
  /** 团队 */
  team: multiLineText(1500, CONTROL).pipe(z.string().min(1, 'required')),
  /** 知识产权 */
  ip: multiLineText(1500, CONTROL).default(''),
  /** 所需资源与合作方式 */
  resources: multiLineText(1500, CONTROL).default(''),
  /** 计划 */
  timeline: multiLineText(1500, CONTROL).pipe(z.string().min(1, 'required')),
  budgetFen: fenSchema.nullable().optional(),
};

export const answerInput = z.strictObject(answerFields);
export type AnswerInput = z.input<typeof answerInput>;

export const answerPatch = z.strictObject({
  organisationId: idSchema.nullable().optional(),
  teamName: answerFields.teamName.optional(),
  summary: answerFields.summary.optional(),
  approach: answerFields.approach.optional(),
  evidence: answerFields.evidence.optional(),
  team: answerFields.team.optional(),
  ip: multiLineText(1500, CONTROL).optional(),
  resources: multiLineText(1500, CONTROL).optional(),
  timeline: answerFields.timeline.optional(),
  budgetFen: fenSchema.nullable().optional(),
  version: versionSchema,
});
export type AnswerPatch = z.input<typeof answerPatch>;

export const answerEventSchema = z.object({
  id: idSchema,
  kind: answerEventKindSchema,
  fromStage: answerStageSchema.nullable(),
  toStage: answerStageSchema.nullable(),
  /** Poster side: the screener's note. Team: the decline reason on a declined event, else empty. */
  note: z.string(),
  /** Poster side only (the team sees "the poster"). */
  actor: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  createdAt: timestampSchema,
});
export type AnswerEvent = z.infer<typeof answerEventSchema>;

export const answerSchema = z.object({
  id: idSchema,
  challenge: z.object({ id: idSchema, titleZh: z.string(), titleEn: z.string().nullable(), deadline: timestampSchema, status: challengeStatusSchema, poster: challengePosterSchema }),
  /** Which side the viewer is on. */
  side: threadSideSchema,
  submittedBy: z.object({ id: idSchema, displayName: z.string() }),
  organisation: z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  teamName: z.string(),
  summary: z.string(),
  approach: z.string(),
  evidence: z.string(),
  team: z.string(),
  ip: z.string(),
  resources: z.string(),
  timeline: z.string(),
  budgetFen: fenSchema.nullable(),
  stage: answerStageSchema,
  status: answerStatusSchema,
  declineReason: z.string(),
  /** Poster side only; never sent to the team. */
  screeningNote: z.string().optional(),
  /** The team may still edit it (submitted, active, challenge taking answers). */
  editable: z.boolean(),
  /** Detail only. */
  events: z.array(answerEventSchema).optional(),
  messageCount: z.number().int(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Answer = z.infer<typeof answerSchema>;

export const answerListQuery = z.strictObject({
  stage: answerStageSchema.optional(),
  status: answerStatusSchema.optional(),
});

export const answerListSchema = z.object({ items: z.array(answerSchema), counts: stageCountsSchema });
export type AnswerList = z.infer<typeof answerListSchema>;

/** Screening moves: a stage (forward any number of steps, back exactly one with a note), decline (with a reason), reopen. */
export const SCREEN_MOVES = [...ANSWER_STAGES, 'decline', 'reopen'] as const;
export const screenInput = z.strictObject({
  toStage: z.enum(SCREEN_MOVES),
  /** The screener's note on this move (poster side only); required to move back. */
  note: multiLineText(2000, CONTROL).default(''),
  /** Decline only, required: told to the team. */
  reason: multiLineText(2000, CONTROL).default(''),
  /** Replaces the answer's private screening note when given. */
  screeningNote: multiLineText(4000, CONTROL).optional(),
  version: versionSchema,
});
export type ScreenInput = z.input<typeof screenInput>;

// ---------------------------------------------------------------- the private thread

export const messageSchema = z.object({
  id: idSchema,
  side: threadSideSchema,
  author: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  body: z.string(),
  mine: z.boolean(),
  createdAt: timestampSchema,
});
export type ChallengeMessage = z.infer<typeof messageSchema>;

export const messageInput = z.strictObject({ body: multiLineText(4000, CONTROL).pipe(z.string().min(1, 'required')) });

export const threadSchema = z.object({
  items: z.array(messageSchema),
  /** The viewer may write now (the poster side always; the team once the poster has written). */
  canWrite: z.boolean(),
});
export type Thread = z.infer<typeof threadSchema>;

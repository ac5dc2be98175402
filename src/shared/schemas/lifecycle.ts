/**
 * The project lifecycle's API contract: the stage models of each track, a project's timeline
 * (stage changes and milestones), stage moves, milestones with evidence, and the lifecycle
 * board of a community. Dates are YYYY-MM-DD.
 */
import { z } from 'zod';
import { DEVICE_CLASSES, PROJECT_TRACKS } from '../../domain/directory';
import { STAGE_MOVE_KINDS } from '../../domain/lifecycle/vocabularies';
import { idSchema, timestampSchema } from './common';

const code = z.string().regex(/^[a-z0-9_]{1,63}$/);
const isoDate = z.iso.date();
const names = { nameZhHans: z.string(), nameZhHant: z.string(), nameEn: z.string() };

export const trackOfModelSchema = z.enum(PROJECT_TRACKS);
export const deviceClassSchema = z.enum(DEVICE_CLASSES);
export const stageMoveKindSchema = z.enum(STAGE_MOVE_KINDS);

export const stageRefSchema = z.object({ code: z.string(), ...names });
export type StageRef = z.infer<typeof stageRefSchema>;

export const lifecycleModelSchema = z.object({
  code: z.string(),
  track: trackOfModelSchema,
  deviceClass: deviceClassSchema.nullable(),
  ...names,
  /** The model's stages in order, named from taxonomy `stage`. */
  stages: z.array(stageRefSchema),
});
export type LifecycleModel = z.infer<typeof lifecycleModelSchema>;

export const milestoneKindSchema = z.object({
  code: z.string(),
  /** Tracks the milestone applies to; empty means every track. */
  tracks: z.array(trackOfModelSchema),
  /** The stage the milestone shows the project has reached, when it shows one. */
  stageCode: z.string().nullable(),
  ...names,
});
export type MilestoneKind = z.infer<typeof milestoneKindSchema>;

export const lifecycleCatalogueSchema = z.object({ models: z.array(lifecycleModelSchema), milestoneKinds: z.array(milestoneKindSchema) });
export type LifecycleCatalogue = z.infer<typeof lifecycleCatalogueSchema>;

// ---------------------------------------------------------------- timeline

const recorderSchema = z.object({ id: idSchema, displayName: z.string() }).nullable();

export const stageChangeEntrySchema = z.object({
  type: z.literal('stage_change'),
  id: idSchema,
  date: isoDate,
  kind: stageMoveKindSchema,
  fromStage: z.string().nullable(),
  toStage: z.string(),
  /** Stages a skip passed over, in order. */
  skipped: z.array(z.string()),
  reason: z.string(),
  recordedBy: recorderSchema,
  recordedAt: timestampSchema,
});

export const evidenceFileSchema = z.object({ id: idSchema, filename: z.string(), contentType: z.string(), sizeBytes: z.number().int() });

export const milestoneEntrySchema = z.object({
  type: z.literal('milestone'),
  id: idSchema,
  date: isoDate,
  kind: z.string(),
  note: z.string(),
  evidenceFile: evidenceFileSchema.nullable(),
  evidenceUrl: z.string().nullable(),
  recordedBy: recorderSchema,
  recordedAt: timestampSchema,
  /** The recorder and the project's editors may remove it. */
  canDelete: z.boolean(),
});

export const timelineEntrySchema = z.discriminatedUnion('type', [stageChangeEntrySchema, milestoneEntrySchema]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type StageChangeEntry = z.infer<typeof stageChangeEntrySchema>;
export type MilestoneEntry = z.infer<typeof milestoneEntrySchema>;

export const projectLifecycleStateSchema = z.object({
  projectId: idSchema,
  track: trackOfModelSchema,
  deviceClass: deviceClassSchema.nullable(),
  /** The model the project follows (null only if its track has none). */
  modelCode: z.string().nullable(),
  stage: z.string(),
  stageSince: isoDate,
  daysInStage: z.number().int(),
  /** The project's version, for the next stage move. */
  version: z.number().int(),
});
export type ProjectLifecycleState = z.infer<typeof projectLifecycleStateSchema>;

export const timelineSchema = projectLifecycleStateSchema.extend({
  /** Newest first: by date, then by when it was recorded. */
  entries: z.array(timelineEntrySchema),
  permissions: z.object({ canEdit: z.boolean(), canAddMilestone: z.boolean() }),
});
export type Timeline = z.infer<typeof timelineSchema>;

// ---------------------------------------------------------------- writes

const reason = z.string().trim().max(1000);

export const stageMoveInput = z.strictObject({
  toStage: code,
  /** When the project reached the stage (not in the future, not before it entered its current stage). */
  changedOn: isoDate,
  /** Required for a move back (rollback). */
  reason: reason.optional(),
  version: z.number().int().min(1),
});
export type StageMoveInput = z.input<typeof stageMoveInput>;

export const stageMoveResultSchema = z.object({ project: projectLifecycleStateSchema, change: stageChangeEntrySchema });
export type StageMoveResult = z.infer<typeof stageMoveResultSchema>;

/** http(s) only: the link is shown as evidence and opened by others. */
export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), { message: 'lifecycle_evidence_url_invalid' });

export const milestoneInput = z.strictObject({
  kind: code,
  occurredOn: isoDate,
  note: z.string().trim().max(2000).optional(),
  /** An uploaded document (POST …/milestone-evidence) of this project. */
  evidenceFileId: idSchema.optional(),
  evidenceUrl: evidenceUrlSchema.optional(),
  /** Also move the project to the milestone kind's stage on the milestone's date (needs `version`). */
  moveToStage: z.boolean().optional(),
  /** Required when moving back with moveToStage. */
  reason: reason.optional(),
  version: z.number().int().min(1).optional(),
});
export type MilestoneInput = z.input<typeof milestoneInput>;

export const milestoneResultSchema = z.object({ project: projectLifecycleStateSchema, milestone: milestoneEntrySchema, change: stageChangeEntrySchema.nullable() });
export type MilestoneResult = z.infer<typeof milestoneResultSchema>;

export const milestoneParams = z.strictObject({ projectId: idSchema, milestoneId: idSchema });

// ---------------------------------------------------------------- board

export const boardQuery = z.strictObject({
  track: trackOfModelSchema.optional(),
  segment: code.optional(),
  /** How many projects each stage lists (longest in stage first). */
  perStage: z.coerce.number().int().min(0).max(200).default(50),
});

export const boardProjectSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  segment: z.string(),
  stageSince: isoDate,
  daysInStage: z.number().int(),
  /** Whether it belongs to the community as its home, or through a resident organisation. */
  via: z.enum(['home', 'resident']),
});

export const boardStageSchema = stageRefSchema.extend({
  count: z.number().int(),
  medianDays: z.number().nullable(),
  maxDays: z.number().int().nullable(),
  /** At most `perStage` projects, longest in stage first. */
  projects: z.array(boardProjectSchema),
});

export const boardModelSchema = lifecycleModelSchema.omit({ stages: true }).extend({
  total: z.number().int(),
  stages: z.array(boardStageSchema),
});

export const lifecycleBoardSchema = z.object({
  /** Today in the community's time zone: days in stage are counted to it. */
  today: isoDate,
  models: z.array(boardModelSchema),
});
export type LifecycleBoard = z.infer<typeof lifecycleBoardSchema>;
export type BoardModel = z.infer<typeof boardModelSchema>;
export type BoardStage = z.infer<typeof boardStageSchema>;

export const evidenceUploadSchema = evidenceFileSchema;

/**
 * A community's matching profile: what projects it looks for (focus segments and stages), its
 * entry criteria (milestones reached, company qualifications), preferred provinces, a statement
 * in Chinese and English, and whether it takes projects now. Read by members, edited by those who
 * run its 招商 pipeline (pipeline.write). The free space of its zones is shown beside it.
 */
import { z } from 'zod';
import { multiLineText, timestampSchema } from './common';

const codes = z.array(z.string().trim().min(1).max(64)).max(40);

export const matchProfileSchema = z.object({
  communityId: z.uuid(),
  accepting: z.boolean(),
  focusSegments: z.array(z.string()),
  focusStages: z.array(z.string()),
  requiredMilestones: z.array(z.string()),
  requiredQualifications: z.array(z.string()),
  regions: z.array(z.string()),
  statementZh: z.string(),
  statementEn: z.string(),
  /** 0 before the first save (the defaults are shown); send it back as is. */
  version: z.number().int(),
  updatedAt: timestampSchema.nullable(),
  /** Free floor area of the community's zones (m²): each zone's total area less the area landed companies occupy. */
  space: z.object({
    zones: z.array(z.object({ id: z.uuid(), name: z.string(), totalAreaM2: z.number().nullable(), landedAreaM2: z.number(), freeAreaM2: z.number().nullable() })),
    freeAreaM2: z.number(),
  }),
});
export type MatchProfile = z.infer<typeof matchProfileSchema>;

export const matchProfileInput = z.strictObject({
  /** The version read (0 when no profile was saved yet). */
  version: z.number().int().min(0),
  accepting: z.boolean(),
  focusSegments: codes,
  focusStages: codes,
  requiredMilestones: codes,
  requiredQualifications: codes,
  regions: z.array(z.string().trim().min(1).max(20)).max(40),
  statementZh: multiLineText(2000, 'control_characters'),
  statementEn: multiLineText(2000, 'control_characters'),
});
export type MatchProfileInput = z.infer<typeof matchProfileInput>;

/**
 * A community's match profile: what it looks for in projects, read by its members and edited by
 * those who run its 招商 pipeline (pipeline.write: community admins and staff). The free space
 * of its zones is computed, not stored: each zone's total area less the floor area landed
 * companies occupy (never below zero). Saving is version-checked (0: the first save), audited,
 * and appends to the matching index's change feed.
 */
import type { MatchProfile, MatchProfileInput } from '../../../shared/schemas/match-profiles';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import { recordMatchChange } from '../matching/changes';
import * as q from './queries';

const dedupe = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x.length > 0))];

async function space(db: Executor, communityId: string): Promise<MatchProfile['space']> {
  const zones = (await q.zoneSpace(db, communityId)).map((z) => ({
    id: z.id,
    name: z.name,
    totalAreaM2: z.total,
    landedAreaM2: z.landed,
    freeAreaM2: z.total === null ? null : Math.max(0, z.total - z.landed),
  }));
  return { zones, freeAreaM2: zones.reduce((sum, z) => sum + (z.freeAreaM2 ?? 0), 0) };
}

function present(communityId: string, row: q.ProfileRow | null, zones: MatchProfile['space']): MatchProfile {
  return {
    communityId,
    accepting: row?.accepting ?? true,
    focusSegments: row?.focusSegments ?? [],
    focusStages: row?.focusStages ?? [],
    requiredMilestones: row?.requiredMilestones ?? [],
    requiredQualifications: row?.requiredQualifications ?? [],
    regions: row?.regions ?? [],
    statementZh: row?.statementZh ?? '',
    statementEn: row?.statementEn ?? '',
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    space: zones,
  };
}

export async function getProfile(ctx: RequestContext, communityId: string): Promise<MatchProfile> {
  await requireCommunityAccess(ctx, communityId, 'community.read');
  return present(communityId, await q.findProfile(ctx.db, communityId), await space(ctx.db, communityId));
}

async function checkCodes(db: Executor, input: MatchProfileInput): Promise<q.ProfileValues> {
  const values: q.ProfileValues = {
    accepting: input.accepting,
    focusSegments: dedupe(input.focusSegments),
    focusStages: dedupe(input.focusStages),
    requiredMilestones: dedupe(input.requiredMilestones),
    requiredQualifications: dedupe(input.requiredQualifications),
    regions: dedupe(input.regions),
    statementZh: input.statementZh,
    statementEn: input.statementEn,
  };
  const fields: Record<string, string> = {};
  const segments = await q.knownTaxonomyCodes(db, 'segment', values.focusSegments);
  if (values.focusSegments.some((c) => !segments.has(c))) fields.focusSegments = 'match_profile_unknown_code';
  const stages = await q.knownTaxonomyCodes(db, 'stage', values.focusStages);
  if (values.focusStages.some((c) => !stages.has(c))) fields.focusStages = 'match_profile_unknown_code';
  const qualifications = await q.knownTaxonomyCodes(db, 'qualification', values.requiredQualifications);
  if (values.requiredQualifications.some((c) => !qualifications.has(c))) fields.requiredQualifications = 'match_profile_unknown_code';
  const milestones = await q.knownMilestones(db, values.requiredMilestones);
  if (values.requiredMilestones.some((c) => !milestones.has(c))) fields.requiredMilestones = 'match_profile_unknown_code';
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  return values;
}

const auditRow = (row: q.ProfileRow | null) =>
  row && {
    accepting: row.accepting,
    focusSegments: row.focusSegments.join(', '),
    focusStages: row.focusStages.join(', '),
    requiredMilestones: row.requiredMilestones.join(', '),
    requiredQualifications: row.requiredQualifications.join(', '),
    regions: row.regions.join(', '),
    statementZh: row.statementZh,
    statementEn: row.statementEn,
  };

export async function saveProfile(ctx: RequestContext, communityId: string, input: MatchProfileInput): Promise<MatchProfile> {
  const user = requireUser(ctx);
  const { community } = await requireCommunityAccess(ctx, communityId, 'pipeline.write');
  const values = await checkCodes(ctx.db, input);
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await q.findProfile(tx, communityId, true);
    if ((before?.version ?? 0) !== input.version) throw new AppError('version_conflict');
    const ok = before ? await q.updateProfile(tx, communityId, input.version, values, user.id) : await q.insertProfile(tx, communityId, values, user.id);
    if (!ok) throw new AppError('version_conflict');
    const after = (await q.findProfile(tx, communityId))!;
    await recordAudit(tx, ctx, {
      communityId,
      action: before ? 'community_match_profile.updated' : 'community_match_profile.created',
      entityType: 'community_match_profile',
      entityId: communityId,
      entityLabel: community.nameZhHans,
      before: auditRow(before),
      after: auditRow(after),
    });
    await recordMatchChange(tx, 'community', [communityId]);
    return after;
  });
  return present(communityId, saved, await space(ctx.db, communityId));
}

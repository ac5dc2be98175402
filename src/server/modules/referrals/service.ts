import type { z } from 'zod';
import { canSeeProject, isReferable, type Viewer } from '../../../domain/directory-access';
import type { DeclineReason, ReferralStatus } from '../../../domain/lifecycle/vocabularies';
import { REFERRAL_STATUSES } from '../../../domain/lifecycle/vocabularies';
import { can, isMembershipRole } from '../../../domain/roles';
import type {
  acceptReferralInput,
  declineReferralInput,
  Referral,
  ReferralCounts,
  referralInput,
  ReferralPage,
  ReferralStats,
  ReferralTarget,
} from '../../../shared/schemas/referrals';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import { factsOf, visibleProjects } from '../directory/project-visibility';
import { projectSharing } from '../directory/projects.queries';
import { loadViewer } from '../directory/viewer';
import { insertItem } from '../pipelines/insert-item';
import { refreshSearchDocuments } from '../search/index-document';
import * as q from './queries';

/**
 * Referrals of projects between communities. Each side reaches a referral through its own
 * community (the tenancy gate first); a community that is neither side gets not_found. What a
 * side sees is built here, per side: the referring community gets the status and a decline's
 * reason, never the receiving community's pipeline item, stage, owner or decider.
 */

type Side = 'outgoing' | 'incoming';

function sideOf(row: q.ReferralRow, communityId: string): Side {
  return row.fromCommunityId === communityId ? 'outgoing' : 'incoming';
}

// ---------------------------------------------------------------- cursor

function encodeCursor(row: q.ReferralRow): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', { fields: { cursor: 'invalid_cursor' } });
}

// ---------------------------------------------------------------- reading

/** The referrals as the community sees them: the project only while the user may see it. */
async function present(db: Executor, viewer: Viewer, communityId: string, rows: q.ReferralRow[]): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const communities = await q.communityRefs(
    db,
    rows.flatMap((r) => [r.fromCommunityId, r.toCommunityId]),
  );
  const projects = await q.projectRows(
    db,
    rows.map((r) => r.projectId),
  );
  const visible = new Map((await visibleProjects(db, viewer, projects)).map((p) => [p.id, p]));
  const incoming = rows.filter((r) => sideOf(r, communityId) === 'incoming');
  const owners = await q.organisationNames(
    db,
    incoming.flatMap((r) => {
      const owner = visible.get(r.projectId)?.ownerOrganisationId;
      return owner ? [owner] : [];
    }),
  );
  const deciders = await q.userNames(
    db,
    incoming.flatMap((r) => (r.decidedBy ? [r.decidedBy] : [])),
  );
  const itemPipelines = await q.itemPipelines(
    db,
    communityId,
    incoming.flatMap((r) => (r.acceptedItemId ? [r.acceptedItemId] : [])),
  );
  return rows.map((r) => {
    const side = sideOf(r, communityId);
    const project = visible.get(r.projectId);
    const base: Referral = {
      id: r.id,
      direction: side,
      fromCommunity: communities.get(r.fromCommunityId)!,
      toCommunity: communities.get(r.toCommunityId)!,
      project: project ? { id: project.id, nameZh: project.nameZh, nameEn: project.nameEn } : null,
      note: r.note,
      status: r.status as ReferralStatus,
      declineReason: (r.declineReason as DeclineReason | null) ?? null,
      declineNote: r.declineNote,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
    if (side === 'outgoing') return base;
    const owner = project?.ownerOrganisationId ? (owners.get(project.ownerOrganisationId) ?? null) : null;
    return {
      ...base,
      acceptedItemId: r.acceptedItemId,
      acceptedPipelineId: r.acceptedItemId ? (itemPipelines.get(r.acceptedItemId) ?? null) : null,
      decidedBy: r.decidedBy && deciders.has(r.decidedBy) ? { id: r.decidedBy, displayName: deciders.get(r.decidedBy)! } : null,
      projectSummary: project
        ? {
            segment: project.segment,
            track: project.track,
            stage: project.stage,
            summaryZh: project.summaryZh,
            summaryEn: project.summaryEn,
            fundingSoughtFen: project.fundingSoughtFen,
            ownerOrganisation: owner,
          }
        : null,
    };
  });
}

export async function listReferrals(
  ctx: RequestContext,
  communityId: string,
  query: { direction: Side; status?: ReferralStatus; limit: number; cursor?: string },
): Promise<ReferralPage> {
  await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  const rows = await q.listReferrals(ctx.db, communityId, { direction: query.direction, status: query.status, limit: query.limit, after: decodeCursor(query.cursor) });
  const page = rows.slice(0, query.limit);
  const items = await present(ctx.db, await loadViewer(ctx), communityId, page);
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}

async function requireReferral(db: Executor, communityId: string, referralId: string) {
  const row = await q.findReferralOf(db, communityId, referralId);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getReferral(ctx: RequestContext, communityId: string, referralId: string): Promise<Referral> {
  await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  const row = await requireReferral(ctx.db, communityId, referralId);
  return (await present(ctx.db, await loadViewer(ctx), communityId, [row]))[0]!;
}

// ---------------------------------------------------------------- writing

/** The audit entries of a referral: one in each community's log, each with that side's facts only. */
async function auditBoth(
  tx: Tx,
  ctx: RequestContext,
  row: q.ReferralRow,
  action: string,
  entries: { outgoing: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }; incoming: { before: Record<string, unknown> | null; after: Record<string, unknown> | null } },
  label: string | null,
) {
  await recordAudit(tx, ctx, { communityId: row.fromCommunityId, action, entityType: 'referral', entityId: row.id, entityLabel: label, ...entries.outgoing });
  await recordAudit(tx, ctx, { communityId: row.toCommunityId, action, entityType: 'referral', entityId: row.id, entityLabel: label, ...entries.incoming });
}

export async function createReferral(ctx: RequestContext, communityId: string, input: z.output<typeof referralInput>): Promise<Referral> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const viewer = await loadViewer(ctx, tx);
    const fields: Record<string, string> = {};
    if (input.toCommunityId === communityId) fields.toCommunityId = 'referral_to_self';
    else if (!(await q.communityRefs(tx, [input.toCommunityId])).has(input.toCommunityId)) fields.toCommunityId = 'referral_target_unknown';
    // The project must be one the user sees (a hidden one reads exactly like a missing one),
    // and not confidential to named investors: a referral cannot widen that circle.
    const [project] = await q.projectRows(tx, [input.projectId]);
    const sharing = project ? (await projectSharing(tx, [project.id])).get(project.id) : undefined;
    const facts = project ? factsOf(project, sharing?.namedInvestorIds ?? [], sharing?.referredToCommunityIds ?? []) : null;
    if (!project || !facts || !canSeeProject(viewer, facts)) fields.projectId = 'referral_project_unknown';
    else if (!isReferable(facts)) fields.projectId = 'confidential_project';
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });

    const row = await q.insertReferral(tx, { fromCommunityId: communityId, toCommunityId: input.toCommunityId, projectId: project!.id, note: input.note, createdBy: user.id });
    if (!row) throw new AppError('duplicate_record', { fields: { projectId: 'referral_already_open' } });
    const after = { projectId: row.projectId, fromCommunityId: row.fromCommunityId, toCommunityId: row.toCommunityId, note: row.note, status: row.status };
    await auditBoth(tx, ctx, row, 'referral.created', { outgoing: { before: null, after }, incoming: { before: null, after } }, project!.nameZh);
    await refreshSearchDocuments(tx, 'project', [row.projectId]);
    return (await present(tx, viewer, communityId, [row]))[0]!;
  });
}

/**
 * Moves a pending referral: the side must be the right one (the other side is forbidden, a
 * community that is neither side gets not_found), the referral still pending (else
 * state_conflict) and at the version the user saw (else version_conflict). The UPDATE is
 * conditional on both, so of two decisions at once exactly one wins.
 */
async function decide(
  tx: Tx,
  communityId: string,
  referralId: string,
  side: Side,
  version: number,
  change: Parameters<typeof q.decideReferral>[3],
): Promise<{ before: q.ReferralRow; after: q.ReferralRow }> {
  const before = await requireReferral(tx, communityId, referralId);
  if (sideOf(before, communityId) !== side) throw new AppError('forbidden');
  if (before.status !== 'pending') throw new AppError('state_conflict');
  if (before.version !== version) throw new AppError('version_conflict');
  const after = await q.decideReferral(tx, referralId, version, change);
  if (!after) {
    const now = await requireReferral(tx, communityId, referralId);
    throw new AppError(now.status !== 'pending' ? 'state_conflict' : 'version_conflict');
  }
  return { before, after };
}

async function projectLabel(db: Executor, projectId: string): Promise<string | null> {
  const [project] = await q.projectRows(db, [projectId]);
  return project?.nameZh ?? null;
}

export async function acceptReferral(ctx: RequestContext, communityId: string, referralId: string, input: z.output<typeof acceptReferralInput>): Promise<Referral> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    if (input.ownerUserId) {
      const role = await q.membershipRole(tx, communityId, input.ownerUserId);
      if (!role || !isMembershipRole(role) || !can({ role, isPlatformAdmin: false }, 'pipeline.write')) {
        throw new AppError('validation_failed', { fields: { ownerUserId: 'referral_owner_not_staff' } });
      }
    }
    const { before, after } = await decide(tx, communityId, referralId, 'incoming', input.version, { status: 'accepted', decidedBy: user.id, decided: true });
    // The item is titled with the project's name: the user must (still) see the project — it
    // may have been made confidential to named investors since it was referred.
    const [project] = await q.projectRows(tx, [after.projectId]);
    const sharing = (await projectSharing(tx, [after.projectId])).get(after.projectId);
    const viewer = await loadViewer(ctx, tx);
    if (!project || !canSeeProject(viewer, factsOf(project, sharing?.namedInvestorIds ?? [], sharing?.referredToCommunityIds ?? []))) {
      throw new AppError('validation_failed', { fields: { projectId: 'referral_project_unknown' } });
    }
    const itemId = await insertItem(tx, ctx, {
      communityId,
      pipelineId: input.pipelineId,
      stageId: input.stageId,
      title: project!.nameZh,
      projectId: project!.id,
      organisationId: project!.ownerOrganisationId,
      ownerUserId: input.ownerUserId ?? null,
      expectedInvestmentFen: project!.fundingSoughtFen,
      source: 'referral',
    }).catch((error: unknown) => {
      // Another community's pipeline, or none: a field of this request, not a missing referral.
      if (error instanceof AppError && error.code === 'not_found') throw new AppError('validation_failed', { fields: { pipelineId: 'referral_pipeline_unknown' } });
      throw error;
    });
    const row = await q.setAcceptedItem(tx, referralId, itemId);
    await auditBoth(
      tx,
      ctx,
      row,
      'referral.accepted',
      {
        outgoing: { before: { status: before.status }, after: { status: row.status } },
        incoming: { before: { status: before.status }, after: { status: row.status, acceptedItemId: itemId, pipelineId: input.pipelineId } },
      },
      project!.nameZh,
    );
    await refreshSearchDocuments(tx, 'project', [row.projectId]);
    return (await present(tx, viewer, communityId, [row]))[0]!;
  });
}

export async function declineReferral(ctx: RequestContext, communityId: string, referralId: string, input: z.output<typeof declineReferralInput>): Promise<Referral> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    if (input.reason === 'other' && input.note === '') throw new AppError('validation_failed', { fields: { note: 'referral_decline_note_required' } });
    const label = await labelFor(tx, communityId, referralId);
    const { before, after } = await decide(tx, communityId, referralId, 'incoming', input.version, {
      status: 'declined',
      declineReason: input.reason,
      declineNote: input.note,
      decidedBy: user.id,
      decided: true,
    });
    const change = { before: { status: before.status }, after: { status: after.status, declineReason: after.declineReason, declineNote: after.declineNote } };
    await auditBoth(tx, ctx, after, 'referral.declined', { outgoing: change, incoming: change }, label);
    await refreshSearchDocuments(tx, 'project', [after.projectId]);
    return (await present(tx, await loadViewer(ctx, tx), communityId, [after]))[0]!;
  });
}

export async function withdrawReferral(ctx: RequestContext, communityId: string, referralId: string, version: number): Promise<Referral> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const label = await labelFor(tx, communityId, referralId);
    const { before, after } = await decide(tx, communityId, referralId, 'outgoing', version, { status: 'withdrawn', decided: false });
    const change = { before: { status: before.status }, after: { status: after.status } };
    await auditBoth(tx, ctx, after, 'referral.withdrawn', { outgoing: change, incoming: change }, label);
    await refreshSearchDocuments(tx, 'project', [after.projectId]);
    return (await present(tx, await loadViewer(ctx, tx), communityId, [after]))[0]!;
  });
}

/** The audit label: the project's name, read before the decision (both sides saw it while the referral was open). */
async function labelFor(tx: Tx, communityId: string, referralId: string): Promise<string | null> {
  const row = await q.findReferralOf(tx, communityId, referralId);
  return row ? projectLabel(tx, row.projectId) : null;
}

// ---------------------------------------------------------------- statistics and targets

function counts(rows: { status: ReferralStatus; n: number }[]): ReferralCounts {
  const by = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<ReferralStatus, number>;
  for (const r of rows) by[r.status] += r.n;
  const won = by.accepted + by.landed;
  const decided = won + by.declined;
  return { total: REFERRAL_STATUSES.reduce((sum, s) => sum + by[s], 0), ...by, acceptanceRate: decided === 0 ? null : won / decided };
}

export async function referralStats(ctx: RequestContext, communityId: string, query: { from?: string; to?: string }): Promise<ReferralStats> {
  const { community } = await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  if (query.from && query.to && query.from > query.to) throw new AppError('validation_failed', { fields: { to: 'referral_period_inverted' } });
  const rows = await q.countByStatus(ctx.db, communityId, community.timeZone, query.from ?? null, query.to ?? null);
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    sent: counts(rows.filter((r) => r.side === 'sent')),
    received: counts(rows.filter((r) => r.side === 'received')),
  };
}

/**
 * The communities one may refer projects to, names only, for the picker: every community,
 * asked by someone who holds pipeline.write in at least one (or a platform admin). The
 * caller's own community is left out by the picker.
 */
export async function referralTargets(ctx: RequestContext): Promise<ReferralTarget[]> {
  const viewer = await loadViewer(ctx);
  const refers = viewer.isPlatformAdmin || [...viewer.roles.values()].some((role) => can({ role, isPlatformAdmin: false }, 'pipeline.write'));
  if (!refers) throw new AppError('forbidden');
  return q.allCommunityRefs(ctx.db);
}

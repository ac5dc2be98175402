import type { z } from 'zod';
import { canWriteDirectoryIn, projectEditAuthority, type Authority, type Viewer } from '../../../domain/directory-access';
import { INVESTING_KINDS, type OrganisationKind } from '../../../domain/directory';
import type { Project, ProjectDetail, projectCreateInput, projectUpdateInput } from '../../../shared/schemas/directory';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { modelFor, stageInModel } from '../../../domain/lifecycle/models';
import { listModels } from '../lifecycle/queries';
import { projectToday, recordStageChange } from '../lifecycle/stage-change';
import { refreshSearchDocuments, removeSearchDocuments } from '../search/index-document';
import * as common from './common.queries';
import { deleteStoredBytes } from './organisations.service';
import { findOrganisation, kindsOf } from './organisations.queries';
import { requireVisibleProject } from './project-visibility';
import * as q from './projects.queries';
import { linksFor } from './records';
import { toAttachment, toProject } from './serialise';
import { FieldProblems, loadTaxonomyIndex } from './validation';
import { auditCommunity, loadViewer } from './viewer';

type CreateInput = z.output<typeof projectCreateInput>;
type UpdateInput = z.output<typeof projectUpdateInput>;

function audited(row: q.ProjectRow, namedInvestorIds: string[]) {
  const { version: _v, createdAt: _c, updatedAt: _u, createdBy: _b, ...rest } = row;
  return { ...rest, namedInvestorIds: [...namedInvestorIds].sort() };
}

async function ownerRef(db: Executor, ownerId: string | null) {
  if (!ownerId) return null;
  const org = await findOrganisation(db, ownerId);
  return org ? { entityType: 'organisation' as const, id: org.id, nameZh: org.nameZh, nameEn: org.nameEn } : null;
}

/** Checks beyond the contract, on the project as it will be stored. */
async function check(
  db: Executor,
  p: { segment: string; track: string; stage: string; deviceClass?: string | null; ownerOrganisationId?: string | null },
  namedInvestorIds: string[] | undefined,
) {
  const problems = new FieldProblems();
  const taxonomy = await loadTaxonomyIndex(db);
  if (!taxonomy.has('segment', p.segment)) problems.add('segment', 'segment_unknown');
  if (p.deviceClass && p.track !== 'device') problems.add('deviceClass', 'lifecycle_class_only_for_devices');
  if (!taxonomy.has('stage', p.stage)) problems.add('stage', 'stage_unknown');
  else if (taxonomy.stageTrack(p.stage) !== p.track) problems.add('stage', 'stage_not_in_track');
  else {
    // The stage must be one of the project's lifecycle model (a class I device is filed, not registered).
    const model = modelFor(await listModels(db), p.track, p.deviceClass ?? null);
    if (model && !stageInModel(model, p.stage)) problems.add('stage', 'lifecycle_stage_not_in_model');
  }
  if (p.ownerOrganisationId && !(await findOrganisation(db, p.ownerOrganisationId))) problems.add('ownerOrganisationId', 'organisation_unknown');
  if (namedInvestorIds?.length) {
    const kinds = await kindsOf(db, namedInvestorIds);
    for (const id of namedInvestorIds) {
      const kind = kinds.get(id);
      if (!kind) problems.add('namedInvestorIds', 'organisation_unknown');
      else if (!INVESTING_KINDS.includes(kind as OrganisationKind)) problems.add('namedInvestorIds', 'named_investor_not_investing');
    }
  }
  problems.throwIfAny();
}

export function requireProjectEditor(viewer: Viewer, row: q.ProjectRow): Authority {
  const authority = projectEditAuthority(viewer, row);
  if (!authority) throw new AppError('forbidden');
  return authority;
}

/**
 * Who may add a project to a community: its staff (directory.write), or a representative of
 * the owner organisation who is a member there. Someone outside the community learns nothing
 * about it (not_found), as everywhere else.
 */
async function createAuthority(db: Executor, viewer: Viewer, communityId: string, ownerId: string | null | undefined): Promise<Authority> {
  if (!(await common.communityExists(db, communityId))) throw new AppError('not_found');
  if (!viewer.roles.has(communityId) && !viewer.isPlatformAdmin) throw new AppError('not_found');
  if (canWriteDirectoryIn(viewer, communityId)) return { via: 'community', communityId };
  if (ownerId && viewer.roles.has(communityId) && viewer.representedOrgIds.has(ownerId)) return { via: 'representative' };
  if (viewer.isPlatformAdmin) return { via: 'platform' };
  throw new AppError('forbidden');
}

export async function createProject(ctx: RequestContext, input: CreateInput): Promise<Project> {
  const { communityId, namedInvestorIds = [], ...fields } = input;
  const investors = [...new Set(namedInvestorIds)];
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const authority = await createAuthority(tx, viewer, communityId, fields.ownerOrganisationId);
    await check(tx, fields, investors);
    // The database records the starting stage (kind 'initial') from stage_since.
    const stageSince = await projectToday(tx, communityId);
    const row = await q.insertProject(tx, { ...fields, communityId, stageSince, createdBy: viewer.userId });
    await q.setNamedInvestors(tx, row.id, investors);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'project.created',
      entityType: 'project',
      entityId: row.id,
      entityLabel: row.nameZh,
      before: null,
      after: audited(row, investors),
    });
    await refreshSearchDocuments(tx, 'project', [row.id]);
    return toProject(row, await ownerRef(tx, row.ownerOrganisationId));
  });
}

export async function getProject(ctx: RequestContext, id: string): Promise<ProjectDetail> {
  const viewer = await loadViewer(ctx);
  const { row } = await requireVisibleProject(ctx.db, viewer, id);
  const canEdit = Boolean(projectEditAuthority(viewer, row));
  const named = canEdit ? await q.namedInvestorRefs(ctx.db, id) : [];
  return {
    ...toProject(row, await ownerRef(ctx.db, row.ownerOrganisationId)),
    namedInvestors: named.map((o) => ({ entityType: 'organisation' as const, ...o })),
    attachments: (await q.listAttachments(ctx.db, id)).map(toAttachment),
    links: await linksFor(ctx.db, viewer, 'project', id),
    permissions: { canEdit, canDelete: canEdit },
  };
}

export async function updateProject(ctx: RequestContext, id: string, input: UpdateInput): Promise<Project> {
  const { version, namedInvestorIds, stageReason, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    // A project one may not see is not found, even for an edit.
    const { row: before, facts } = await requireVisibleProject(tx, viewer, id);
    const authority = requireProjectEditor(viewer, before);
    if (before.version !== version) throw new AppError('version_conflict');
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<q.ProjectValues>;
    // A project leaving the device track has no device class any more.
    if (defined.track && defined.track !== 'device' && defined.deviceClass === undefined) defined.deviceClass = null;
    const investors = namedInvestorIds ? [...new Set(namedInvestorIds)] : [...facts.namedInvestorIds];
    await check(tx, { ...before, ...defined } as q.ProjectRow, namedInvestorIds ? investors : undefined);
    let after = await q.updateProject(tx, id, version, defined);
    if (!after) throw new AppError('version_conflict');
    // A stage changed in the form is recorded like any move (a move back needs stageReason).
    const moved = await recordStageChange(tx, ctx, {
      before,
      after,
      reason: stageReason,
      communityId: auditCommunity(authority),
      fields: { stage: 'stage', reason: 'stageReason' },
    });
    if (moved) after = (await q.findProject(tx, id))!;
    if (namedInvestorIds) await q.setNamedInvestors(tx, id, investors);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'project.updated',
      entityType: 'project',
      entityId: id,
      entityLabel: after.nameZh,
      before: audited(before, [...facts.namedInvestorIds]),
      after: audited(after, investors),
    });
    await refreshSearchDocuments(tx, 'project', [id]);
    return toProject(after, await ownerRef(tx, after.ownerOrganisationId));
  });
}

/** Deletes the project with its attachments (rows and bytes), links, and the communities' notes on it. */
export async function deleteProject(ctx: RequestContext, id: string): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row: before, facts } = await requireVisibleProject(tx, viewer, id);
    const authority = requireProjectEditor(viewer, before);
    const fileIds = await q.attachmentFileIds(tx, [id]);
    const links = await common.deleteLinksOf(tx, 'project', [id]);
    await common.deleteCommunityDataOn(tx, 'project', [id]);
    await q.deleteProject(tx, id);
    const keys = await common.deleteFiles(tx, fileIds);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'project.deleted',
      entityType: 'project',
      entityId: id,
      entityLabel: before.nameZh,
      before: audited(before, [...facts.namedInvestorIds]),
      after: null,
    });
    await removeSearchDocuments(tx, 'project', [id]);
    for (const type of ['organisation', 'person'] as const) {
      await refreshSearchDocuments(tx, type, links.filter((l) => l.fromType === type).map((l) => l.fromId));
    }
    return keys;
  });
  await deleteStoredBytes(ctx, keys);
}

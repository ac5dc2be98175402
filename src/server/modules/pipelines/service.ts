import { sql } from 'drizzle-orm';
import { generateKeyBetween } from 'fractional-indexing';
import type { z } from 'zod';
import type { Viewer } from '../../../domain/directory-access';
import { computeConversion, type ConversionEvent } from '../../../domain/lifecycle/conversion';
import { classifyMove, needsReason } from '../../../domain/lifecycle/moves';
import { templateFor } from '../../../domain/lifecycle/pipeline-templates';
import type { ItemEventKind, LossReason, StageAction } from '../../../domain/lifecycle/vocabularies';
import { can, isMembershipRole, MEMBERSHIP_ROLES } from '../../../domain/roles';
import type {
  Activity,
  activityInput,
  Conversion,
  conversionQuery,
  ItemEvent,
  itemCreateInput,
  itemListQuery,
  itemLoseInput,
  itemMoveInput,
  ItemPage,
  itemReopenInput,
  itemUpdateInput,
  Pipeline,
  pipelineCreateInput,
  PipelineItem,
  PipelineItemDetail,
  pipelineUpdateInput,
  Reminder,
  stageInput,
} from '../../../shared/schemas/pipelines';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess, type CommunityAccess } from '../communities/access';
import { requireVisibleProject, visibleProjects } from '../directory/project-visibility';
import { loadViewer } from '../directory/viewer';
import { insertItem } from './insert-item';
import * as q from './queries';

/**
 * The 招商 pipelines: a community's pipelines and their stages, the items on them (kanban cards
 * and table rows), moves with their history, losses, activities, conversion statistics, and
 * the signed-in user's reminders. Every call passes the tenancy gate first; every write names
 * the version it started from and one conditional UPDATE decides between concurrent writers.
 */

type StageIn = z.output<typeof stageInput>;

const fieldError = (fields: Record<string, string>) => new AppError('validation_failed', { fields });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

// ---------------------------------------------------------------- pipelines

async function toPipelines(db: Executor, rows: q.PipelineRow[]): Promise<Pipeline[]> {
  const ids = rows.map((r) => r.id);
  const [stages, summaries, lost] = [await q.stagesOf(db, ids), await q.stageSummaries(db, ids), await q.lostCounts(db, ids)];
  return rows.map((p) => {
    const own = stages.filter((s) => s.pipelineId === p.id);
    const sums = new Map(summaries.filter((s) => s.pipelineId === p.id).map((s) => [s.stageId, s]));
    return {
      id: p.id,
      communityId: p.communityId,
      kind: p.kind as Pipeline['kind'],
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      archived: p.archived,
      version: p.version,
      stages: own.map((s) => ({
        id: s.id,
        code: s.code,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        position: s.position,
        probability: s.probability,
        action: s.action as StageAction,
      })),
      summary: own.map((s) => {
        const sum = sums.get(s.id);
        return {
          stageId: s.id,
          openCount: sum?.openCount ?? 0,
          expectedInvestmentFen: Number(sum?.expectedInvestmentFen ?? 0),
          weightedInvestmentFen: Number(sum?.weightedInvestmentFen ?? 0),
          expectedAreaSqm: Number(sum?.expectedAreaSqm ?? 0),
        };
      }),
      lostCount: lost.get(p.id) ?? 0,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  });
}

async function pipelineOut(db: Executor, row: q.PipelineRow): Promise<Pipeline> {
  return (await toPipelines(db, [row]))[0]!;
}

export async function listPipelines(ctx: RequestContext, communityId: string, query: { archived?: 'true' | 'false' }): Promise<Pipeline[]> {
  await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  return toPipelines(ctx.db, await q.listPipelines(ctx.db, communityId, query.archived === 'true'));
}

export async function getPipeline(ctx: RequestContext, communityId: string, pipelineId: string): Promise<Pipeline> {
  await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  const row = await q.findPipeline(ctx.db, communityId, pipelineId);
  if (!row) throw new AppError('not_found');
  return pipelineOut(ctx.db, row);
}

/** Stage codes are unique within a pipeline; an id names a stage of this pipeline, once. */
function checkStages(stages: readonly StageIn[], existingIds: ReadonlySet<string> | null) {
  const fields: Record<string, string> = {};
  const codes = new Set<string>();
  const ids = new Set<string>();
  stages.forEach((s, i) => {
    if (codes.has(s.code)) fields[`stages.${i}.code`] = 'pipeline_duplicate_code';
    codes.add(s.code);
    if (s.id) {
      if (!existingIds?.has(s.id)) fields[`stages.${i}.id`] = 'unknown_stage';
      else if (ids.has(s.id)) fields[`stages.${i}.id`] = 'pipeline_duplicate_stage';
      ids.add(s.id);
    }
  });
  if (Object.keys(fields).length) throw fieldError(fields);
}

const stageAudit = (stages: readonly { code: string; probability: number; action: string }[]) => stages.map((s) => `${s.code}:${s.probability}:${s.action}`).join(',');

export async function createPipeline(ctx: RequestContext, communityId: string, input: z.output<typeof pipelineCreateInput>): Promise<Pipeline> {
  const stages: StageIn[] = input.stages ?? templateFor(input.kind);
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.configure', tx);
    const fields: Record<string, string> = {};
    stages.forEach((s, i) => {
      if (s.id) fields[`stages.${i}.id`] = 'unknown_stage';
    });
    if (Object.keys(fields).length) throw fieldError(fields);
    checkStages(stages, null);
    const row = await q.insertPipeline(tx, { communityId, kind: input.kind, nameZh: input.nameZh, nameEn: input.nameEn ?? null, createdBy: ctx.user!.id });
    await q.insertStages(
      tx,
      stages.map((s, position) => ({
        pipelineId: row.id,
        code: s.code,
        nameZh: s.nameZh,
        nameEn: s.nameEn ?? null,
        position,
        probability: s.probability,
        action: s.action ?? 'none',
      })),
    );
    await recordAudit(tx, ctx, {
      communityId,
      action: 'pipeline.created',
      entityType: 'pipeline',
      entityId: row.id,
      entityLabel: row.nameZh,
      before: null,
      after: { kind: row.kind, nameZh: row.nameZh, nameEn: row.nameEn, stages: stageAudit(stages.map((s) => ({ ...s, action: s.action ?? 'none' }))) },
    });
    return pipelineOut(tx, row);
  });
}

/**
 * Renames, archives, and replaces the stage list: stages named by id are kept (renamed,
 * reordered), the others are added, and those left out are removed — unless they still hold
 * items (409 stage_in_use). Positions are rewritten after parking every stage out of the way.
 */
export async function updatePipeline(ctx: RequestContext, communityId: string, pipelineId: string, input: z.output<typeof pipelineUpdateInput>): Promise<Pipeline> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.configure', tx);
    const before = await q.findPipeline(tx, communityId, pipelineId);
    if (!before) throw new AppError('not_found');
    const existing = await q.stagesOf(tx, [pipelineId]);
    if (input.stages) checkStages(input.stages, new Set(existing.map((s) => s.id)));

    const values: Record<string, unknown> = {};
    if (input.nameZh !== undefined) values.nameZh = input.nameZh;
    if (input.nameEn !== undefined) values.nameEn = input.nameEn;
    if (input.archived !== undefined) values.archived = input.archived;
    const after = await q.updatePipeline(tx, communityId, pipelineId, input.version, values);
    if (!after) throw new AppError('version_conflict');

    let stagesAfter = existing;
    if (input.stages) {
      const wanted = input.stages;
      const keep = new Set(wanted.flatMap((s) => (s.id ? [s.id] : [])));
      const removed = existing.filter((s) => !keep.has(s.id)).map((s) => s.id);
      if ((await q.stagesInUse(tx, pipelineId, removed)).length) throw new AppError('stage_in_use');
      await q.deleteStages(tx, pipelineId, removed);
      const byId = new Map(existing.map((s) => [s.id, s]));
      const renamed = wanted.filter((s) => s.id && byId.get(s.id)!.code !== s.code).map((s) => s.id!);
      await q.parkStages(tx, pipelineId, renamed);
      const added: Parameters<typeof q.insertStages>[1] = [];
      for (const [position, s] of wanted.entries()) {
        const fields = { code: s.code, nameZh: s.nameZh, probability: s.probability, action: s.action ?? 'none', position };
        if (s.id) await q.updateStage(tx, pipelineId, s.id, { ...fields, nameEn: s.nameEn === undefined ? byId.get(s.id)!.nameEn : s.nameEn });
        else added.push({ ...fields, pipelineId, nameEn: s.nameEn ?? null });
      }
      await q.insertStages(tx, added);
      stagesAfter = await q.stagesOf(tx, [pipelineId]);
    }
    await recordAudit(tx, ctx, {
      communityId,
      action: 'pipeline.updated',
      entityType: 'pipeline',
      entityId: pipelineId,
      entityLabel: after.nameZh,
      before: { nameZh: before.nameZh, nameEn: before.nameEn, archived: before.archived, stages: stageAudit(existing) },
      after: { nameZh: after.nameZh, nameEn: after.nameEn, archived: after.archived, stages: stageAudit(stagesAfter) },
    });
    return pipelineOut(tx, after);
  });
}

// ---------------------------------------------------------------- items: reading

function projectViewerOf(viewer: Viewer): q.ProjectViewer {
  const memberOf: string[] = [];
  const staffOf: string[] = [];
  for (const [communityId, role] of viewer.roles) {
    memberOf.push(communityId);
    if (can({ role, isPlatformAdmin: false }, 'directory.write')) staffOf.push(communityId);
  }
  return { isPlatformAdmin: viewer.isPlatformAdmin, memberOf, staffOf, represents: [...viewer.representedOrgIds] };
}

/** The projects among the rows the viewer may see: the others are shown as null, never named. */
async function visibleProjectIds(db: Executor, viewer: Viewer, rows: q.ItemListRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.item.projectId ? [r.item.projectId] : [])))];
  const projects = await q.findProjectsByIds(db, ids);
  return new Set((await visibleProjects(db, viewer, projects)).map((p) => p.id));
}

function toItem(row: q.ItemListRow, visible: ReadonlySet<string>): PipelineItem {
  const i = row.item;
  return {
    id: i.id,
    pipelineId: i.pipelineId,
    stageId: i.stageId,
    title: i.title,
    project:
      i.projectId && visible.has(i.projectId) && row.projectNameZh !== null
        ? { entityType: 'project', id: i.projectId, nameZh: row.projectNameZh, nameEn: row.projectNameEn }
        : null,
    organisation:
      i.organisationId && row.organisationNameZh !== null
        ? { entityType: 'organisation', id: i.organisationId, nameZh: row.organisationNameZh, nameEn: row.organisationNameEn }
        : null,
    owner: i.ownerUserId && row.ownerName !== null ? { userId: i.ownerUserId, displayName: row.ownerName } : null,
    expectedInvestmentFen: i.expectedInvestmentFen,
    expectedAreaSqm: i.expectedAreaSqm,
    probability: i.probability ?? row.stageProbability,
    probabilityOverride: i.probability,
    nextAction: i.nextAction,
    nextActionOn: i.nextActionOn,
    overdue: Boolean(row.overdue),
    source: i.source as PipelineItem['source'],
    rank: i.rank,
    lostReason: i.lostReason as LossReason | null,
    lostNote: i.lostNote,
    lostAt: iso(i.lostAt),
    stageEnteredAt: i.stageEnteredAt.toISOString(),
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

async function itemDetail(db: Executor, viewer: Viewer, access: CommunityAccess, itemId: string): Promise<PipelineItemDetail> {
  const communityId = access.community.id;
  const row = await q.findItem(db, communityId, itemId, access.community.timeZone);
  if (!row) throw new AppError('not_found');
  const visible = await visibleProjectIds(db, viewer, [row]);
  const history: ItemEvent[] = (await q.itemHistory(db, itemId)).map(({ event: e, actorName }) => {
    const out: ItemEvent = {
      id: e.id,
      kind: e.kind as ItemEventKind,
      fromStageId: e.fromStageId,
      toStageId: e.toStageId,
      lostReason: e.lostReason as LossReason | null,
      note: e.note,
      actor: e.actorId && actorName !== null ? { userId: e.actorId, displayName: actorName } : null,
      at: e.at.toISOString(),
    };
    if (e.kind === 'skip') out.skippedStageIds = e.skippedStageIds;
    return out;
  });
  return { ...toItem(row, visible), history, ...(await q.itemLinks(db, communityId, itemId)), canDelete: mayDelete(access, viewer.userId, row.item.createdBy) };
}

function encodeCursor(sort: q.ItemSort, keys: string[]): string {
  return Buffer.from(JSON.stringify([sort, ...keys])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(sort: q.ItemSort, cursor: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const size = q.SORTS[sort].keys.length + 2;
  if (
    !Array.isArray(parsed) ||
    parsed.length !== size ||
    parsed[0] !== sort ||
    !parsed.every((v) => typeof v === 'string' && v.length <= 100) ||
    !UUID.test(parsed[size - 1] as string)
  ) {
    throw fieldError({ cursor: 'invalid_cursor' });
  }
  return (parsed as string[]).slice(1);
}

export async function listItems(ctx: RequestContext, communityId: string, pipelineId: string, query: z.output<typeof itemListQuery>): Promise<ItemPage> {
  const access = await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  const pipeline = await q.findPipeline(ctx.db, communityId, pipelineId);
  if (!pipeline) throw new AppError('not_found');
  const after = query.cursor ? decodeCursor(query.sort, query.cursor) : null;
  const viewer = await loadViewer(ctx);
  const filters: q.ItemFilters = {
    communityId,
    pipelineId,
    timeZone: access.community.timeZone,
    stageId: query.stageId,
    status: query.status,
    ownerUserId: query.ownerUserId,
    q: query.q || undefined,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
    viewer: projectViewerOf(viewer),
  };
  const rows = await q.listItems(ctx.db, filters, query.sort, query.limit, after);
  const page = rows.slice(0, query.limit);
  const visible = await visibleProjectIds(ctx.db, viewer, page);
  const last = page[page.length - 1];
  const keyCount = q.SORTS[query.sort].keys.length;
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor(query.sort, [...Array.from({ length: keyCount }, (_, i) => String(last[`k${i}`])), last.item.id]) : null;
  return { items: page.map((r) => toItem(r, visible)), nextCursor, total: await q.countItems(ctx.db, filters) };
}

export async function getItem(ctx: RequestContext, communityId: string, itemId: string): Promise<PipelineItemDetail> {
  const access = await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  return itemDetail(ctx.db, await loadViewer(ctx), access, itemId);
}

// ---------------------------------------------------------------- items: writing

interface Refs {
  projectId?: string | null;
  organisationId?: string | null;
  ownerUserId?: string | null;
}

/**
 * The project must be one the acting user may see, the organisation must exist, the owner must
 * hold pipeline.write in the community. Only the fields given (and changed) are checked; all
 * problems are answered together.
 */
async function checkRefs(tx: Tx, viewer: Viewer, communityId: string, refs: Refs, current?: Refs): Promise<string | null> {
  const fields: Record<string, string> = {};
  let projectLabel: string | null = null;
  if (refs.projectId && refs.projectId !== current?.projectId) {
    try {
      projectLabel = (await requireVisibleProject(tx, viewer, refs.projectId)).row.nameZh;
    } catch {
      fields.projectId = 'pipeline_project_unknown';
    }
  }
  if (refs.organisationId && refs.organisationId !== current?.organisationId && !(await q.findOrganisationName(tx, refs.organisationId))) {
    fields.organisationId = 'pipeline_organisation_unknown';
  }
  if (refs.ownerUserId && refs.ownerUserId !== current?.ownerUserId && !(await holdsPipelineWrite(tx, communityId, refs.ownerUserId))) {
    fields.ownerUserId = 'pipeline_owner_not_staff';
  }
  if (Object.keys(fields).length) throw fieldError(fields);
  return projectLabel;
}

async function holdsPipelineWrite(db: Executor, communityId: string, userId: string): Promise<boolean> {
  const role = await q.membershipRole(db, communityId, userId);
  return role !== undefined && isMembershipRole(role) && can({ role, isPlatformAdmin: false }, 'pipeline.write');
}

export async function createItem(ctx: RequestContext, communityId: string, pipelineId: string, input: z.output<typeof itemCreateInput>): Promise<PipelineItemDetail> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    if (!(await q.findPipeline(tx, communityId, pipelineId))) throw new AppError('not_found');
    const viewer = await loadViewer(ctx, tx);
    await checkRefs(tx, viewer, communityId, input);
    // No owner named: the person adding it, when they may work items here.
    const ownerUserId = input.ownerUserId !== undefined ? input.ownerUserId : (await holdsPipelineWrite(tx, communityId, ctx.user!.id)) ? ctx.user!.id : null;
    const id = await insertItem(tx, ctx, { ...input, ownerUserId, communityId, pipelineId, source: 'direct' });
    return itemDetail(tx, viewer, access, id);
  });
}

/** Loads the item for a write and checks the version it was read at; another community's item is not found. */
async function itemForWrite(tx: Tx, communityId: string, itemId: string, version: number): Promise<q.ItemRow> {
  const item = await q.findItemRow(tx, communityId, itemId);
  if (!item) throw new AppError('not_found');
  if (item.version !== version) throw new AppError('version_conflict');
  return item;
}

const itemAudit = (i: q.ItemRow) => ({
  title: i.title,
  stageId: i.stageId,
  projectId: i.projectId,
  organisationId: i.organisationId,
  ownerUserId: i.ownerUserId,
  expectedInvestmentFen: i.expectedInvestmentFen,
  expectedAreaSqm: i.expectedAreaSqm,
  probability: i.probability,
  nextAction: i.nextAction,
  nextActionOn: i.nextActionOn,
  lostReason: i.lostReason,
  lostNote: i.lostNote,
});

async function audit(tx: Tx, ctx: RequestContext, communityId: string, action: string, before: q.ItemRow | null, after: q.ItemRow | null) {
  const item = (after ?? before)!;
  await recordAudit(tx, ctx, {
    communityId,
    action,
    entityType: 'pipeline_item',
    entityId: item.id,
    entityLabel: item.title,
    before: before ? itemAudit(before) : null,
    after: after ? itemAudit(after) : null,
  });
}

export async function updateItem(ctx: RequestContext, communityId: string, itemId: string, input: z.output<typeof itemUpdateInput>): Promise<PipelineItemDetail> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const before = await itemForWrite(tx, communityId, itemId, input.version);
    const viewer = await loadViewer(ctx, tx);
    await checkRefs(tx, viewer, communityId, input, before);
    const { version, ...fields } = input;
    const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const after = await q.updateItem(tx, communityId, itemId, version, values);
    if (!after) throw new AppError('version_conflict');
    await audit(tx, ctx, communityId, 'pipeline_item.updated', before, after);
    return itemDetail(tx, viewer, access, itemId);
  });
}

/** The rank for a card dropped after `afterRank` and/or before `beforeRank` (both given only when in order). */
async function rankFor(tx: Tx, item: q.ItemRow, stageId: string, after: { rank: string } | null, before: { rank: string } | null): Promise<string> {
  if (after && before && after.rank < before.rank) return generateKeyBetween(after.rank, before.rank);
  if (after) return generateKeyBetween(after.rank, await q.neighbourRank(tx, item.pipelineId, stageId, after.rank, 'above', item.id));
  if (before) return generateKeyBetween(await q.neighbourRank(tx, item.pipelineId, stageId, before.rank, 'below', item.id), before.rank);
  return generateKeyBetween(await q.lastRank(tx, item.pipelineId, stageId, item.id), null);
}

/**
 * A drag to a column and a place in it. A stage change is recorded in the history with its
 * kind (advance, skip, rollback — a rollback needs a reason); a reorder within the column only
 * writes the rank. The version decides between two people moving the same card at once.
 */
export async function moveItem(ctx: RequestContext, communityId: string, itemId: string, input: z.output<typeof itemMoveInput>): Promise<PipelineItemDetail> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const item = await itemForWrite(tx, communityId, itemId, input.version);
    if (item.lostReason) throw new AppError('state_conflict');
    const order = (await q.stagesOf(tx, [item.pipelineId])).map((s) => s.id);
    if (!order.includes(input.stageId)) throw fieldError({ stageId: 'unknown_stage' });
    const move = input.stageId === item.stageId ? null : classifyMove(order, item.stageId, input.stageId);
    const fields: Record<string, string> = {};
    if (move?.ok && needsReason(move) && !input.reason) fields.reason = 'reason_required';
    const neighbour = async (id: string | null | undefined, field: 'afterId' | 'beforeId') => {
      if (!id) return null;
      const found = id === itemId ? undefined : await q.findColumnItem(tx, item.pipelineId, input.stageId, id);
      if (!found) fields[field] = 'pipeline_not_in_column';
      return found ?? null;
    };
    const after = await neighbour(input.afterId, 'afterId');
    const before = await neighbour(input.beforeId, 'beforeId');
    if (Object.keys(fields).length) throw fieldError(fields);

    const rank = await rankFor(tx, item, input.stageId, after, before);
    const values: q.ItemSet = { rank };
    if (move?.ok) Object.assign(values, { stageId: input.stageId, stageEnteredAt: sql`now()` });
    const updated = await q.updateItem(tx, communityId, itemId, input.version, values);
    if (!updated) throw new AppError('version_conflict');
    if (move?.ok) {
      await q.insertEvent(tx, {
        itemId,
        pipelineId: item.pipelineId,
        kind: move.kind,
        fromStageId: item.stageId,
        toStageId: input.stageId,
        skippedStageIds: move.skipped,
        note: input.reason ?? '',
        actorId: ctx.user!.id,
      });
      await audit(tx, ctx, communityId, `pipeline_item.${move.kind}`, item, updated);
    } else {
      await audit(tx, ctx, communityId, 'pipeline_item.reordered', item, updated);
    }
    return itemDetail(tx, await loadViewer(ctx, tx), access, itemId);
  });
}

export async function loseItem(ctx: RequestContext, communityId: string, itemId: string, input: z.output<typeof itemLoseInput>): Promise<PipelineItemDetail> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const item = await itemForWrite(tx, communityId, itemId, input.version);
    if (item.lostReason) throw new AppError('state_conflict');
    if (input.reason === 'other' && !input.note) throw fieldError({ note: 'pipeline_note_required' });
    const updated = await q.updateItem(tx, communityId, itemId, input.version, { lostReason: input.reason, lostNote: input.note ?? '', lostAt: sql`now()` });
    if (!updated) throw new AppError('version_conflict');
    await q.insertEvent(tx, {
      itemId,
      pipelineId: item.pipelineId,
      kind: 'lost',
      fromStageId: item.stageId,
      lostReason: input.reason,
      note: input.note ?? '',
      actorId: ctx.user!.id,
    });
    await audit(tx, ctx, communityId, 'pipeline_item.lost', item, updated);
    return itemDetail(tx, await loadViewer(ctx, tx), access, itemId);
  });
}

/** A lost item comes back open, at the end of its stage's column. */
export async function reopenItem(ctx: RequestContext, communityId: string, itemId: string, input: z.output<typeof itemReopenInput>): Promise<PipelineItemDetail> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const item = await itemForWrite(tx, communityId, itemId, input.version);
    if (!item.lostReason) throw new AppError('state_conflict');
    const rank = generateKeyBetween(await q.lastRank(tx, item.pipelineId, item.stageId, item.id), null);
    const updated = await q.updateItem(tx, communityId, itemId, input.version, { lostReason: null, lostNote: '', lostAt: null, rank });
    if (!updated) throw new AppError('version_conflict');
    await q.insertEvent(tx, { itemId, pipelineId: item.pipelineId, kind: 'reopened', toStageId: item.stageId, note: input.note ?? '', actorId: ctx.user!.id });
    await audit(tx, ctx, communityId, 'pipeline_item.reopened', item, updated);
    return itemDetail(tx, await loadViewer(ctx, tx), access, itemId);
  });
}

/** Deleting an item (and its history and activities): the community's admins or whoever created it. */
/** Deleting an item (and its history) is for the community's admins and whoever created it. */
function mayDelete(access: CommunityAccess, userId: string, createdBy: string | null): boolean {
  return access.standing.role === 'community_admin' || access.standing.isPlatformAdmin || (createdBy !== null && createdBy === userId);
}

export async function deleteItem(ctx: RequestContext, communityId: string, itemId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const item = await q.findItemRow(tx, communityId, itemId);
    if (!item) throw new AppError('not_found');
    if (!mayDelete(access, ctx.user!.id, item.createdBy)) throw new AppError('forbidden');
    await q.deleteItem(tx, communityId, itemId);
    await audit(tx, ctx, communityId, 'pipeline_item.deleted', item, null);
  });
}

// ---------------------------------------------------------------- activities

function toActivity(a: q.ActivityRow, authorName: string | null): Activity {
  return {
    id: a.id,
    itemId: a.itemId,
    kind: a.kind as Activity['kind'],
    occurredAt: a.occurredAt.toISOString(),
    body: a.body,
    author: a.authorId && authorName !== null ? { userId: a.authorId, displayName: authorName } : null,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listActivities(ctx: RequestContext, communityId: string, itemId: string): Promise<Activity[]> {
  await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  if (!(await q.findItemRow(ctx.db, communityId, itemId))) throw new AppError('not_found');
  return (await q.listActivities(ctx.db, communityId, itemId)).map((r) => toActivity(r.activity, r.authorName));
}

/** Records a call, visit, meeting, e-mail or note; may set the item's next action in the same step. */
export async function addActivity(ctx: RequestContext, communityId: string, itemId: string, input: z.output<typeof activityInput>): Promise<Activity> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.write', tx);
    const item = await q.findItemRow(tx, communityId, itemId);
    if (!item) throw new AppError('not_found');
    const activity = await q.insertActivity(tx, {
      itemId,
      communityId,
      kind: input.kind,
      occurredAt: new Date(input.occurredAt),
      body: input.body,
      authorId: ctx.user!.id,
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'pipeline_activity.created',
      entityType: 'pipeline_activity',
      entityId: activity.id,
      entityLabel: item.title,
      before: null,
      after: { itemId, kind: activity.kind, occurredAt: activity.occurredAt.toISOString(), body: activity.body },
    });
    if (input.nextAction !== undefined || input.nextActionOn !== undefined) {
      const next: { nextAction?: string; nextActionOn?: string | null } = {};
      if (input.nextAction !== undefined) next.nextAction = input.nextAction;
      if (input.nextActionOn !== undefined) next.nextActionOn = input.nextActionOn;
      const after = await q.setNextAction(tx, communityId, itemId, next);
      await audit(tx, ctx, communityId, 'pipeline_item.updated', item, after!);
    }
    return toActivity(activity, ctx.user!.displayName);
  });
}

// ---------------------------------------------------------------- conversion and reminders

export async function conversion(ctx: RequestContext, communityId: string, pipelineId: string, query: z.output<typeof conversionQuery>): Promise<Conversion> {
  const access = await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  const pipeline = await q.findPipeline(ctx.db, communityId, pipelineId);
  if (!pipeline) throw new AppError('not_found');
  if (query.from && query.to && query.from > query.to) throw fieldError({ to: 'pipeline_range_inverted' });
  const stageIds = (await q.stagesOf(ctx.db, [pipelineId])).map((s) => s.id);
  const events: ConversionEvent[] = (await q.pipelineEvents(ctx.db, pipelineId, access.community.timeZone)).map((e) => ({
    itemId: e.itemId,
    kind: e.kind as ItemEventKind,
    fromStageId: e.fromStageId,
    toStageId: e.toStageId,
    lostReason: e.lostReason,
    day: e.day,
    atMs: Number(e.atMs),
  }));
  const result = computeConversion({ stageIds, events, period: query.period, from: query.from, to: query.to });
  return { pipelineId, ...result };
}

const READ_ROLES = MEMBERSHIP_ROLES.filter((role) => can({ role, isPlatformAdmin: false }, 'pipeline.read'));

/** The signed-in user's open items whose next action is due today or overdue, where they may still read pipelines. */
export async function reminders(ctx: RequestContext): Promise<Reminder[]> {
  const user = requireUser(ctx);
  const rows = await q.dueItems(ctx.db, user.id, [...READ_ROLES], user.isPlatformAdmin);
  return rows.map((r) => ({
    community: { id: r.communityId, slug: r.slug, kind: r.communityKind, nameZhHans: r.nameZhHans, nameZhHant: r.nameZhHant, nameEn: r.communityNameEn },
    pipelineId: r.pipelineId,
    pipelineNameZh: r.pipelineNameZh,
    pipelineNameEn: r.pipelineNameEn,
    itemId: r.itemId,
    title: r.title,
    stageNameZh: r.stageNameZh,
    stageNameEn: r.stageNameEn,
    nextAction: r.nextAction,
    nextActionOn: r.nextActionOn,
    overdueDays: Number(r.overdueDays),
  }));
}

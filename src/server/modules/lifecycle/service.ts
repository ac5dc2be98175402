import type { z } from 'zod';
import { projectEditAuthority, type Viewer } from '../../../domain/directory-access';
import { boardOf, daysInStage, modelFor, todayIn, type ModelShape } from '../../../domain/lifecycle/models';
import type { ProjectTrack } from '../../../domain/directory';
import type {
  LifecycleBoard,
  LifecycleCatalogue,
  LifecycleModel,
  MilestoneEntry,
  MilestoneResult,
  ProjectLifecycleState,
  StageChangeEntry,
  StageMoveResult,
  Timeline,
  boardQuery,
  milestoneInput,
  stageMoveInput,
} from '../../../shared/schemas/lifecycle';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import { requireVisibleProject, visibleProjects } from '../directory/project-visibility';
import type { ProjectRow } from '../directory/projects.queries';
import { FieldProblems } from '../directory/validation';
import { auditCommunity, loadViewer } from '../directory/viewer';
import { refreshSearchDocuments } from '../search/index-document';
import * as q from './queries';
import { checkChangeDate, planMove, projectToday } from './stage-change';
import { recordMatchChange } from '../matching/changes';

type StageMoveBody = z.output<typeof stageMoveInput>;
type MilestoneBody = z.output<typeof milestoneInput>;
type BoardQuery = z.output<typeof boardQuery>;

// ---------------------------------------------------------------- catalogue

async function namedModels(db: Executor): Promise<LifecycleModel[]> {
  const [models, names] = await Promise.all([q.listModels(db), q.stageNames(db)]);
  return models.map((m) => ({
    code: m.code,
    track: m.track as ProjectTrack,
    deviceClass: m.deviceClass as LifecycleModel['deviceClass'],
    nameZhHans: m.nameZhHans,
    nameZhHant: m.nameZhHant,
    nameEn: m.nameEn,
    stages: m.stages.map((code) => names.get(code) ?? { code, nameZhHans: code, nameZhHant: code, nameEn: code }),
  }));
}

const shapeOf = (m: LifecycleModel): ModelShape => ({ code: m.code, track: m.track, deviceClass: m.deviceClass, stages: m.stages.map((s) => s.code) });

export async function getCatalogue(ctx: RequestContext): Promise<LifecycleCatalogue> {
  requireUser(ctx);
  const [models, kinds] = await Promise.all([namedModels(ctx.db), q.listMilestoneKinds(ctx.db)]);
  return {
    models,
    milestoneKinds: kinds.map((k) => ({
      code: k.code,
      tracks: k.tracks as ProjectTrack[],
      stageCode: k.stageCode,
      nameZhHans: k.nameZhHans,
      nameZhHant: k.nameZhHant,
      nameEn: k.nameEn,
    })),
  };
}

// ---------------------------------------------------------------- timeline

function stateOf(row: ProjectRow, models: readonly ModelShape[], today: string): ProjectLifecycleState {
  return {
    projectId: row.id,
    track: row.track as ProjectTrack,
    deviceClass: row.deviceClass as ProjectLifecycleState['deviceClass'],
    modelCode: modelFor(models, row.track, row.deviceClass)?.code ?? null,
    stage: row.stage,
    stageSince: row.stageSince,
    daysInStage: daysInStage(row.stageSince, today),
    version: row.version,
  };
}

type ChangeRow = Awaited<ReturnType<typeof q.stageChanges>>[number];

function toChange(r: ChangeRow): StageChangeEntry {
  return {
    type: 'stage_change',
    id: r.id,
    date: r.changedOn,
    kind: r.kind as StageChangeEntry['kind'],
    fromStage: r.fromStage,
    toStage: r.toStage,
    skipped: r.skipped,
    reason: r.reason,
    recordedBy: r.recorderId ? { id: r.recorderId, displayName: r.recorderName ?? '' } : null,
    recordedAt: r.createdAt.toISOString(),
  };
}

function toMilestone(r: q.MilestoneRow, canDelete: boolean): MilestoneEntry {
  return {
    type: 'milestone',
    id: r.id,
    date: r.occurredOn,
    kind: r.kind,
    note: r.note,
    evidenceFile: r.fileId ? { id: r.fileId, filename: r.filename ?? '', contentType: r.contentType ?? '', sizeBytes: r.sizeBytes ?? 0 } : null,
    evidenceUrl: r.evidenceUrl,
    recordedBy: r.recordedBy ? { id: r.recordedBy, displayName: r.recorderName ?? '' } : null,
    recordedAt: r.createdAt.toISOString(),
    canDelete,
  };
}

function mayDeleteMilestone(viewer: Viewer, row: ProjectRow, m: { recordedBy: string | null }): boolean {
  return m.recordedBy === viewer.userId || Boolean(projectEditAuthority(viewer, row));
}

export async function getTimeline(ctx: RequestContext, projectId: string): Promise<Timeline> {
  const viewer = await loadViewer(ctx);
  const { row } = await requireVisibleProject(ctx.db, viewer, projectId);
  const [models, changes, stones, today] = await Promise.all([
    q.listModels(ctx.db),
    q.stageChanges(ctx.db, projectId),
    q.milestones(ctx.db, projectId),
    projectToday(ctx.db, row.communityId),
  ]);
  const entries = [...changes.map(toChange), ...stones.map((m) => toMilestone(m, mayDeleteMilestone(viewer, row, m)))];
  // Newest first; on one day, the later recorded first.
  entries.sort((a, b) => (a.date === b.date ? b.recordedAt.localeCompare(a.recordedAt) : b.date.localeCompare(a.date)));
  const canEdit = Boolean(projectEditAuthority(viewer, row));
  return { ...stateOf(row, models, today), entries, permissions: { canEdit, canAddMilestone: canEdit } };
}

// ---------------------------------------------------------------- stage moves

async function requireEditable(tx: Executor, viewer: Viewer, projectId: string) {
  const { row } = await requireVisibleProject(tx, viewer, projectId);
  const authority = projectEditAuthority(viewer, row);
  if (!authority) throw new AppError('forbidden');
  return { row, authority };
}

/** Moves the project and records the change; the caller checked the editor and holds the transaction. */
async function move(
  tx: Tx,
  ctx: RequestContext,
  viewer: Viewer,
  row: ProjectRow,
  communityId: string | null,
  input: { toStage: string; changedOn: string; reason?: string; version: number },
  fields: { stage: string; reason: string; date: string },
) {
  if (row.version !== input.version) throw new AppError('version_conflict');
  const models = await q.listModels(tx);
  const planned = planMove(models, row, { track: row.track, deviceClass: row.deviceClass, stage: input.toStage }, { reason: input.reason, strict: true, fields });
  const today = await projectToday(tx, row.communityId);
  const problems = new FieldProblems();
  checkChangeDate(problems, fields.date, input.changedOn, row.stageSince, today);
  problems.throwIfAny();
  const after = await q.setStage(tx, row.id, input.version, input.toStage, input.changedOn);
  if (!after) throw new AppError('version_conflict');
  const { id } = await q.insertStageChange(tx, {
    projectId: row.id,
    fromStage: row.stage,
    toStage: input.toStage,
    kind: planned.kind,
    skipped: planned.skipped,
    reason: input.reason?.trim() ?? '',
    changedOn: input.changedOn,
    changedBy: viewer.userId,
    communityId,
  });
  await recordAudit(tx, ctx, {
    communityId,
    action: 'project.stage_moved',
    entityType: 'project',
    entityId: row.id,
    entityLabel: row.nameZh,
    before: { stage: row.stage, stageSince: row.stageSince },
    after: { stage: after.stage, stageSince: after.stageSince, moveKind: planned.kind, skipped: planned.skipped, reason: input.reason?.trim() ?? '' },
  });
  await refreshSearchDocuments(tx, 'project', [row.id]);
  return { state: stateOf(after, models, today), change: toChange((await q.findStageChange(tx, id))!) };
}

export async function moveStage(ctx: RequestContext, projectId: string, input: StageMoveBody): Promise<StageMoveResult> {
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row, authority } = await requireEditable(tx, viewer, projectId);
    const { state, change } = await move(tx, ctx, viewer, row, auditCommunity(authority), input, { stage: 'toStage', reason: 'reason', date: 'changedOn' });
    return { project: state, change };
  });
}

// ---------------------------------------------------------------- milestones

export async function addMilestone(ctx: RequestContext, projectId: string, input: MilestoneBody): Promise<MilestoneResult> {
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row, authority } = await requireEditable(tx, viewer, projectId);
    const communityId = auditCommunity(authority);
    const problems = new FieldProblems();
    const kind = await q.findMilestoneKind(tx, input.kind);
    if (!kind) problems.add('kind', 'lifecycle_milestone_unknown');
    else if (kind.tracks.length > 0 && !kind.tracks.includes(row.track)) problems.add('kind', 'lifecycle_milestone_wrong_track');
    if (!input.evidenceFileId && !input.evidenceUrl) problems.add('evidence', 'lifecycle_evidence_required');
    if (input.evidenceFileId && !(await q.isAttachmentOf(tx, projectId, input.evidenceFileId))) problems.add('evidenceFileId', 'lifecycle_evidence_file_unknown');
    const today = await projectToday(tx, row.communityId);
    if (input.occurredOn > today) problems.add('occurredOn', 'lifecycle_date_in_future');
    if (input.moveToStage) {
      if (kind && !kind.stageCode) problems.add('moveToStage', 'lifecycle_milestone_without_stage');
      if (input.version === undefined) problems.add('version', 'lifecycle_version_required');
    }
    problems.throwIfAny();

    const { id } = await q.insertMilestone(tx, {
      projectId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      note: input.note ?? '',
      evidenceFileId: input.evidenceFileId ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      recordedBy: viewer.userId,
      communityId,
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'project.milestone_added',
      entityType: 'project',
      entityId: projectId,
      entityLabel: row.nameZh,
      before: null,
      after: { milestone: input.kind, occurredOn: input.occurredOn, evidenceFileId: input.evidenceFileId ?? null, evidenceUrl: input.evidenceUrl ?? null },
    });
    // Milestones are entry criteria of parks' matching profiles (holds a clinical-trial approval …).
    await recordMatchChange(tx, 'project', [projectId]);
    let state = stateOf(row, await q.listModels(tx), today);
    let change: StageChangeEntry | null = null;
    if (input.moveToStage && kind?.stageCode && kind.stageCode !== row.stage) {
      const moved = await move(
        tx,
        ctx,
        viewer,
        row,
        communityId,
        { toStage: kind.stageCode, changedOn: input.occurredOn, reason: input.reason, version: input.version! },
        { stage: 'moveToStage', reason: 'reason', date: 'occurredOn' },
      );
      state = moved.state;
      change = moved.change;
    }
    const milestone = toMilestone((await q.findMilestone(tx, projectId, id))!, true);
    return { project: state, milestone, change };
  });
}

export async function deleteMilestone(ctx: RequestContext, projectId: string, milestoneId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row } = await requireVisibleProject(tx, viewer, projectId);
    const milestone = await q.findMilestone(tx, projectId, milestoneId);
    if (!milestone) throw new AppError('not_found');
    if (!mayDeleteMilestone(viewer, row, milestone)) throw new AppError('forbidden');
    const authority = projectEditAuthority(viewer, row);
    await q.deleteMilestone(tx, projectId, milestoneId);
    await recordAudit(tx, ctx, {
      communityId: authority ? auditCommunity(authority) : null,
      action: 'project.milestone_removed',
      entityType: 'project',
      entityId: projectId,
      entityLabel: row.nameZh,
      before: { milestone: milestone.kind, occurredOn: milestone.occurredOn, evidenceFileId: milestone.fileId, evidenceUrl: milestone.evidenceUrl },
      after: null,
    });
    await recordMatchChange(tx, 'project', [projectId]);
  });
}

// ---------------------------------------------------------------- board

export async function getBoard(ctx: RequestContext, communityId: string, query: BoardQuery): Promise<LifecycleBoard> {
  const { community } = await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  const viewer = await loadViewer(ctx);
  const today = todayIn(community.timeZone);
  const models = (await namedModels(ctx.db)).filter((m) => !query.track || m.track === query.track);
  const shapes = models.map(shapeOf);
  const rows = await visibleProjects(ctx.db, viewer, await q.projectsOfCommunity(ctx.db, communityId, query));
  const placed = rows.flatMap((row) => {
    const model = modelFor(shapes, row.track, row.deviceClass);
    return model ? [{ row, modelCode: model.code, stage: row.stage, days: daysInStage(row.stageSince, today) }] : [];
  });
  const board = boardOf(shapes, placed);
  return {
    today,
    models: models.map((model, i) => {
      const { stages } = board[i]!;
      const mine = placed.filter((p) => p.modelCode === model.code);
      return {
        code: model.code,
        track: model.track,
        deviceClass: model.deviceClass,
        nameZhHans: model.nameZhHans,
        nameZhHant: model.nameZhHant,
        nameEn: model.nameEn,
        total: mine.length,
        stages: stages.map((s, j) => ({
          ...model.stages[j]!,
          count: s.count,
          medianDays: s.medianDays,
          maxDays: s.maxDays,
          projects: mine
            .filter((p) => p.stage === s.stage)
            .sort((a, b) => b.days - a.days || a.row.nameZh.localeCompare(b.row.nameZh, 'zh-CN'))
            .slice(0, query.perStage)
            .map((p) => ({
              id: p.row.id,
              nameZh: p.row.nameZh,
              nameEn: p.row.nameEn,
              segment: p.row.segment,
              stageSince: p.row.stageSince,
              daysInStage: p.days,
              via: p.row.communityId === communityId ? ('home' as const) : ('resident' as const),
            })),
        })),
      };
    }),
  };
}

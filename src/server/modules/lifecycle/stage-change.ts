/**
 * Recording a change of a project's stage, wherever it is made: the lifecycle's stage-move
 * route, a milestone that moves the project, the project form (PATCH), an import. Every change
 * lands in project_stage_changes with its kind (advance, skip with the stages passed over,
 * rollback with its reason), so a move back is never silent.
 */
import { modelFor, moveIn, stageInModel, todayIn, type ModelShape } from '../../../domain/lifecycle/models';
import { needsReason } from '../../../domain/lifecycle/moves';
import type { StageMoveKind } from '../../../domain/lifecycle/vocabularies';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { FieldProblems } from '../directory/validation';
import * as q from './queries';
import { findCommunity } from '../communities/queries';

export interface ProjectStageFacts {
  id: string;
  communityId: string;
  track: string;
  deviceClass: string | null;
  stage: string;
  stageSince: string;
}

export interface PlannedMove {
  kind: StageMoveKind;
  skipped: string[];
  model: ModelShape | undefined;
}

/** Today in the project's home community's time zone. */
export async function projectToday(db: Executor, communityId: string): Promise<string> {
  return todayIn((await findCommunity(db, communityId))?.timeZone ?? 'Asia/Shanghai');
}

/**
 * How moving `before` to `toStage` (in the model of `target`, which differs from `before`'s
 * only when the track or device class changes in the same edit) reads, with the problems at
 * their fields. When the old stage is not in the target model (the track changed) the history
 * restarts ('initial'): the old stage means nothing there.
 */
export function planMove(
  models: readonly ModelShape[],
  before: Pick<ProjectStageFacts, 'track' | 'deviceClass' | 'stage'>,
  target: { track: string; deviceClass: string | null; stage: string },
  options: { reason?: string | null; strict: boolean; fields?: { stage?: string; reason?: string } },
): PlannedMove {
  const stageField = options.fields?.stage ?? 'toStage';
  const reasonField = options.fields?.reason ?? 'reason';
  const problems = new FieldProblems();
  const model = modelFor(models, target.track, target.deviceClass);
  if (!model) {
    problems.add(stageField, 'lifecycle_no_model');
    problems.throwIfAny();
  }
  if (!stageInModel(model!, target.stage)) problems.add(stageField, 'lifecycle_stage_not_in_model');
  problems.throwIfAny();
  // Read in the target model: a device given its class keeps its history when its stage is in
  // the class's model; a stage the model does not know (another track) restarts it.
  const move = moveIn(model!, before.stage, target.stage);
  if (!move.ok) {
    if (move.problem === 'same_stage') {
      problems.add(stageField, 'lifecycle_same_stage');
      problems.throwIfAny();
    }
    // The old stage is not in this model (the track or the class changed, or older data).
    return { kind: 'initial', skipped: [], model };
  }
  if (options.strict && needsReason(move) && !options.reason?.trim()) {
    problems.add(reasonField, 'lifecycle_reason_required');
    problems.throwIfAny();
  }
  return { kind: move.kind, skipped: move.skipped, model };
}

/** Checks a change date: not after today, not before the project entered its current stage. */
export function checkChangeDate(problems: FieldProblems, field: string, date: string, stageSince: string, today: string) {
  if (date > today) problems.add(field, 'lifecycle_date_in_future');
  else if (date < stageSince) problems.add(field, 'lifecycle_date_before_stage');
}

/**
 * Records a stage change that an edit of the project already wrote (the project form, an
 * import): checks it against the model, inserts the change and sets stage_since. Call it in
 * the edit's transaction after the UPDATE; a problem throws and so undoes the edit.
 * `strict: false` (imports) never refuses a move: a rollback is recorded with `reason`.
 */
export async function recordStageChange(
  tx: Executor,
  ctx: Pick<RequestContext, 'user'>,
  change: {
    before: ProjectStageFacts;
    after: Pick<ProjectStageFacts, 'track' | 'deviceClass' | 'stage'>;
    reason?: string | null;
    changedOn?: string;
    communityId: string | null;
    strict?: boolean;
    fields?: { stage?: string; reason?: string };
  },
): Promise<{ id: string; kind: StageMoveKind } | null> {
  const { before, after } = change;
  // Stage codes belong to one track, so the same code means nothing moved.
  if (before.stage === after.stage) return null;
  const strict = change.strict ?? true;
  let planned: PlannedMove;
  try {
    planned = planMove(await q.listModels(tx), before, after, { reason: change.reason, strict, fields: change.fields });
  } catch (error) {
    if (strict) throw error;
    planned = { kind: 'initial', skipped: [], model: undefined };
  }
  const changedOn = change.changedOn ?? (await projectToday(tx, before.communityId));
  const kind = planned.kind;
  const reason = change.reason?.trim() ?? '';
  const row = await q.insertStageChange(tx, {
    projectId: before.id,
    fromStage: before.stage,
    toStage: after.stage,
    kind,
    skipped: planned.skipped,
    reason: kind === 'rollback' && !reason ? 'import' : reason,
    changedOn,
    changedBy: ctx.user?.id ?? null,
    communityId: change.communityId,
  });
  await q.setStageSince(tx, before.id, changedOn);
  return { id: row.id, kind };
}

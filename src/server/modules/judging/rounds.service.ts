/**
 * The organiser's side of judging (events.manage): rounds and which applications go on to
 * them, weighted criteria, judges, recusals, closing and reopening, and the event's
 * normalisation setting. Every write is one transaction with its audit entry.
 */
import type { z } from 'zod';
import { topN } from '../../../domain/events/scoring';
import { JUDGED_KINDS, type EventKind, type Normalisation } from '../../../domain/events/vocabularies';
import type {
  JudgingOverview,
  RoundDetail,
  criterionInput,
  criterionUpdateInput,
  entriesInput,
  judgingSettingsInput,
  organiserRecusalInput,
  roundCreateInput,
  roundUpdateInput,
} from '../../../shared/schemas/judging';
import type { Executor, Tx } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireManagedEvent } from '../events/access';
import * as q from './queries';
import { computeRecusals, conflictNames, loadRound, rank, toCriteria, toRecusal, toSummary, type LoadedRound } from './round-state';

type CreateInput = z.output<typeof roundCreateInput>;

// ---------------------------------------------------------------- gates

/** The organisers' gate (events/access.ts), for the event row alone. */
export async function requireJudgingEvent(ctx: RequestContext, communityId: string, eventId: string, db: Executor = ctx.db, lock = false) {
  return (await requireManagedEvent(ctx, communityId, eventId, db, { lock })).event;
}

export async function requireRound(db: Executor, eventId: string, roundId: string): Promise<q.RoundRow> {
  const round = await q.findRound(db, eventId, roundId);
  if (!round) throw new AppError('not_found');
  return round;
}

function requireOpen(round: q.RoundRow) {
  if (round.status !== 'open') throw new AppError('state_conflict', { fields: { round: 'judging_round_not_open' } });
}

function requireJudgedKind(event: q.EventRow) {
  if (!JUDGED_KINDS.includes(event.kind as EventKind)) throw new AppError('state_conflict', { fields: { kind: 'judging_event_not_judged' } });
}

function roundAudit(round: q.RoundRow) {
  return { kind: round.kind, name: round.name, status: round.status, scoreMin: round.scoreMin, scoreMax: round.scoreMax };
}

// ---------------------------------------------------------------- reading

export async function detailOf(ctx: RequestContext, db: Executor, loaded: LoadedRound, event: q.EventRow): Promise<RoundDetail> {
  const names = await conflictNames(db, loaded.recusals);
  const entryIds = new Set(loaded.entries.map((e) => e.applicationId));
  const previous = loaded.round.position > 0 ? (await q.roundsOf(db, event.id)).filter((r) => r.position < loaded.round.position).at(-1) : undefined;
  const pool = previous
    ? (await q.entriesOf(db, previous.id)).map((e) => ({ applicationId: e.applicationId, projectName: e.projectName, organisationName: e.organisationName }))
    : (await q.screenedIn(db, event.id)).map((a) => ({ applicationId: a.id, projectName: a.projectName, organisationName: a.organisationName }));
  return {
    ...toSummary(loaded),
    criteria: toCriteria(loaded.criteria),
    judges: loaded.judges.map((j) => {
      const mine = loaded.sheets.filter((s) => s.judgeUserId === j.userId && entryIds.has(s.applicationId));
      return {
        userId: j.userId,
        displayName: j.displayName,
        email: j.email,
        role: (j.role ?? null) as RoundDetail['judges'][number]['role'],
        submitted: mine.filter((s) => s.submittedAt !== null).length,
        drafts: mine.filter((s) => s.submittedAt === null).length,
        recused: loaded.recusals.filter((r) => r.userId === j.userId).length,
      };
    }),
    entries: loaded.entries.map((e) => ({
      applicationId: e.applicationId,
      projectName: e.projectName,
      organisationName: e.organisationName,
      segment: e.segment,
      applicationStatus: e.status,
      position: e.position,
      advanced: e.advanced,
      publishedRank: e.publishedRank,
      publishedScore: e.publishedScore,
      award: e.award,
      recusals: loaded.recusals.filter((r) => r.applicationId === e.applicationId).map((r) => toRecusal(r, names, ctx.locale)),
    })),
    candidates: pool.filter((c) => !entryIds.has(c.applicationId)),
  };
}

export async function overview(ctx: RequestContext, communityId: string, eventId: string): Promise<JudgingOverview> {
  const event = await requireJudgingEvent(ctx, communityId, eventId);
  const rounds = await q.roundsOf(ctx.db, eventId);
  const loaded = await Promise.all(rounds.map((r) => loadRound(ctx.db, r, communityId)));
  return {
    eventId,
    normalisation: event.normalisation as Normalisation,
    eventVersion: event.version,
    screenedInCount: (await q.screenedIn(ctx.db, eventId)).length,
    rounds: loaded.map(toSummary),
  };
}

export async function getRound(ctx: RequestContext, communityId: string, eventId: string, roundId: string): Promise<RoundDetail> {
  const event = await requireJudgingEvent(ctx, communityId, eventId);
  const round = await requireRound(ctx.db, eventId, roundId);
  return detailOf(ctx, ctx.db, await loadRound(ctx.db, round, communityId), event);
}

async function reply(ctx: RequestContext, tx: Tx, communityId: string, event: q.EventRow, roundId: string): Promise<RoundDetail> {
  const round = await requireRound(tx, event.id, roundId);
  return detailOf(ctx, tx, await loadRound(tx, round, communityId), event);
}

// ---------------------------------------------------------------- rounds

/**
 * Which applications a new round takes. The first: every screened-in application, or those
 * chosen among them. A later one: the top N of the previous round's ranking (a tie at the
 * boundary goes on whole), those chosen among its entries, or by default the entries it
 * marked as advancing.
 */
async function chooseEntries(tx: Tx, event: q.EventRow, previous: LoadedRound | undefined, choice: CreateInput['entries']): Promise<string[]> {
  if (!previous) {
    const eligible = (await q.screenedIn(tx, event.id)).map((a) => a.id);
    if (!choice) return eligible;
    if ('top' in choice) throw new AppError('validation_failed', { fields: { 'entries.top': 'judging_top_needs_previous' } });
    const unknown = choice.applicationIds.filter((id) => !eligible.includes(id));
    if (unknown.length) throw new AppError('validation_failed', { fields: { 'entries.applicationIds': 'judging_entry_not_eligible' } });
    return eligible.filter((id) => choice.applicationIds.includes(id));
  }
  if (previous.round.status === 'open') throw new AppError('state_conflict', { fields: { entries: 'judging_previous_open' } });
  const eligible = previous.entries.map((e) => e.applicationId);
  let chosen: string[];
  if (!choice) chosen = previous.entries.filter((e) => e.advanced).map((e) => e.applicationId);
  else if ('top' in choice) chosen = topN(rank(previous, event.normalisation as Normalisation), choice.top);
  else {
    if (choice.applicationIds.some((id) => !eligible.includes(id))) throw new AppError('validation_failed', { fields: { 'entries.applicationIds': 'judging_entry_not_eligible' } });
    chosen = choice.applicationIds;
  }
  if (chosen.length === 0) throw new AppError('validation_failed', { fields: { entries: 'judging_no_entries' } });
  // Keep the previous round's order (its ranking order when taken by rank).
  return choice && 'top' in choice ? chosen : eligible.filter((id) => chosen.includes(id));
}

export async function createRound(ctx: RequestContext, communityId: string, eventId: string, input: CreateInput): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx, true);
    requireJudgedKind(event);
    const rounds = await q.roundsOf(tx, eventId);
    const last = rounds.at(-1);
    const previous = last ? await loadRound(tx, last, communityId) : undefined;
    const entries = await chooseEntries(tx, event, previous, input.entries);
    const round = await q.insertRound(tx, { eventId, kind: input.kind, name: input.name, position: (last?.position ?? -1) + 1, scoreMin: input.scoreMin, scoreMax: input.scoreMax });
    await q.insertEntries(tx, round.id, entries);
    if (previous && previous.round.status !== 'published') await q.setAdvanced(tx, previous.round.id, entries);
    if (previous && input.copyCriteria) {
      await q.insertCriteria(tx, previous.criteria.map((c) => ({ roundId: round.id, name: c.name, description: c.description, weight: c.weight, position: c.position })));
    }
    const judgeIds = previous && input.copyJudges ? await q.addJudges(tx, round.id, previous.judges.map((j) => j.userId)) : [];
    await computeRecusals(tx, round.id, judgeIds, entries);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'judging.round_created',
      entityType: 'event_round',
      entityId: round.id,
      entityLabel: `${event.title} · ${round.name}`,
      before: null,
      after: { ...roundAudit(round), entries: entries.length },
    });
    return reply(ctx, tx, communityId, event, round.id);
  });
}

export async function updateRound(ctx: RequestContext, communityId: string, eventId: string, roundId: string, input: z.output<typeof roundUpdateInput>): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const before = await requireRound(tx, eventId, roundId);
    const { version, ...values } = input;
    const scaleChanges = (values.scoreMin !== undefined && values.scoreMin !== before.scoreMin) || (values.scoreMax !== undefined && values.scoreMax !== before.scoreMax);
    if (scaleChanges) {
      requireOpen(before);
      if (await q.hasScores(tx, roundId)) throw new AppError('state_conflict', { fields: { scoreMax: 'judging_scale_locked' } });
      if ((values.scoreMax ?? before.scoreMax) <= (values.scoreMin ?? before.scoreMin)) throw new AppError('validation_failed', { fields: { scoreMax: 'judging_scale_order' } });
    }
    const after = await q.updateRound(tx, roundId, version, values);
    if (!after) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, { communityId, action: 'judging.round_updated', entityType: 'event_round', entityId: roundId, entityLabel: `${event.title} · ${after.name}`, before: roundAudit(before), after: roundAudit(after) });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

/** Only the last round, and not once its results went out; the previous round's advancing marks are cleared. */
export async function deleteRound(ctx: RequestContext, communityId: string, eventId: string, roundId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx, true);
    const round = await requireRound(tx, eventId, roundId);
    const rounds = await q.roundsOf(tx, eventId);
    if (rounds.at(-1)?.id !== roundId) throw new AppError('state_conflict', { fields: { round: 'judging_not_last_round' } });
    if (round.status === 'published') throw new AppError('state_conflict', { fields: { round: 'judging_round_published' } });
    const previous = rounds.at(-2);
    if (previous && previous.status !== 'published') await q.setAdvanced(tx, previous.id, []);
    await q.deleteRound(tx, roundId);
    await recordAudit(tx, ctx, { communityId, action: 'judging.round_deleted', entityType: 'event_round', entityId: roundId, entityLabel: `${event.title} · ${round.name}`, before: roundAudit(round), after: null });
  });
}

async function changeStatus(ctx: RequestContext, communityId: string, eventId: string, roundId: string, version: number, from: 'open' | 'closed', to: 'open' | 'closed') {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    if (round.status !== from) throw new AppError('state_conflict', { fields: { round: round.status === 'published' ? 'judging_round_published' : `judging_round_already_${round.status}` } });
    const after = await q.updateRound(tx, roundId, version, { status: to });
    if (!after) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, {
      communityId,
      action: to === 'closed' ? 'judging.round_closed' : 'judging.round_reopened',
      entityType: 'event_round',
      entityId: roundId,
      entityLabel: `${event.title} · ${round.name}`,
      before: { status: from },
      after: { status: to },
    });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

/** Closing freezes the scores: no sheet can be written until an organiser reopens the round. */
export const closeRound = (ctx: RequestContext, communityId: string, eventId: string, roundId: string, version: number) => changeStatus(ctx, communityId, eventId, roundId, version, 'open', 'closed');
export const reopenRound = (ctx: RequestContext, communityId: string, eventId: string, roundId: string, version: number) => changeStatus(ctx, communityId, eventId, roundId, version, 'closed', 'open');

/** Replaces the round's entries (while it is open); new entries get their conflicts checked. */
export async function setEntries(ctx: RequestContext, communityId: string, eventId: string, roundId: string, input: z.output<typeof entriesInput>): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    requireOpen(round);
    const rounds = await q.roundsOf(tx, eventId);
    const previous = rounds.filter((r) => r.position < round.position).at(-1);
    const eligible = previous ? (await q.entriesOf(tx, previous.id)).map((e) => e.applicationId) : (await q.screenedIn(tx, eventId)).map((a) => a.id);
    const wanted = [...new Set(input.applicationIds)];
    if (wanted.some((id) => !eligible.includes(id))) throw new AppError('validation_failed', { fields: { applicationIds: 'judging_entry_not_eligible' } });
    if (!(await q.touchRound(tx, roundId, input.version))) throw new AppError('version_conflict');
    const current = (await q.entriesOf(tx, roundId)).map((e) => e.applicationId);
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    await q.deleteEntries(tx, roundId, removed);
    await q.insertEntries(tx, roundId, added, current.length);
    await computeRecusals(tx, roundId, (await q.judgesOf(tx, roundId, communityId)).map((j) => j.userId), added);
    if (previous && previous.status !== 'published') await q.setAdvanced(tx, previous.id, wanted);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'judging.entries_changed',
      entityType: 'event_round',
      entityId: roundId,
      entityLabel: `${event.title} · ${round.name}`,
      before: { entries: current.length },
      after: { entries: wanted.length, added: added.join(','), removed: removed.join(',') },
    });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

// ---------------------------------------------------------------- criteria

export async function addCriterion(ctx: RequestContext, communityId: string, eventId: string, roundId: string, input: z.output<typeof criterionInput>): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    requireOpen(round);
    const existing = await q.criteriaOf(tx, roundId);
    if (existing.length >= 30) throw new AppError('validation_failed', { fields: { name: 'judging_too_many_criteria' } });
    const [row] = await q.insertCriteria(tx, [{ roundId, name: input.name, description: input.description, weight: input.weight, position: existing.length }]);
    await recordAudit(tx, ctx, { communityId, action: 'judging.criterion_added', entityType: 'event_round', entityId: roundId, entityLabel: `${event.title} · ${round.name}`, before: null, after: { criterion: row!.name, weight: row!.weight } });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

export async function updateCriterion(ctx: RequestContext, communityId: string, eventId: string, roundId: string, criterionId: string, input: z.output<typeof criterionUpdateInput>): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    const before = await q.findCriterion(tx, roundId, criterionId);
    if (!before) throw new AppError('not_found');
    requireOpen(round);
    const after = await q.updateCriterion(tx, criterionId, input);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'judging.criterion_updated',
      entityType: 'event_round',
      entityId: roundId,
      entityLabel: `${event.title} · ${round.name}`,
      before: { name: before.name, description: before.description, weight: before.weight, position: before.position },
      after: { name: after.name, description: after.description, weight: after.weight, position: after.position },
    });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

export async function deleteCriterion(ctx: RequestContext, communityId: string, eventId: string, roundId: string, criterionId: string): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    const before = await q.findCriterion(tx, roundId, criterionId);
    if (!before) throw new AppError('not_found');
    requireOpen(round);
    await q.deleteCriterion(tx, criterionId);
    await recordAudit(tx, ctx, { communityId, action: 'judging.criterion_removed', entityType: 'event_round', entityId: roundId, entityLabel: `${event.title} · ${round.name}`, before: { criterion: before.name, weight: before.weight }, after: null });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

// ---------------------------------------------------------------- judges and recusals

/** Any member of the community may judge (typically role judge); conflicts with the entries are recorded at once. */
export async function assignJudge(ctx: RequestContext, communityId: string, eventId: string, roundId: string, userId: string): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    requireOpen(round);
    const member = await q.memberOf(tx, communityId, userId);
    if (!member) throw new AppError('validation_failed', { fields: { userId: 'judging_judge_not_member' } });
    const added = await q.addJudges(tx, roundId, [userId]);
    if (added.length) {
      const found = await computeRecusals(tx, roundId, added, (await q.entriesOf(tx, roundId)).map((e) => e.applicationId));
      await recordAudit(tx, ctx, {
        communityId,
        action: 'judging.judge_assigned',
        entityType: 'event_round',
        entityId: roundId,
        entityLabel: `${event.title} · ${round.name}`,
        before: null,
        after: { judge: member.displayName, recusals: found.length },
      });
    }
    return reply(ctx, tx, communityId, event, roundId);
  });
}

export async function unassignJudge(ctx: RequestContext, communityId: string, eventId: string, roundId: string, userId: string): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    requireOpen(round);
    const judge = (await q.judgesOf(tx, roundId, communityId)).find((j) => j.userId === userId);
    if (!judge) throw new AppError('not_found');
    await q.removeJudge(tx, roundId, userId);
    await recordAudit(tx, ctx, { communityId, action: 'judging.judge_unassigned', entityType: 'event_round', entityId: roundId, entityLabel: `${event.title} · ${round.name}`, before: { judge: judge.displayName }, after: null });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

export async function addRecusal(ctx: RequestContext, communityId: string, eventId: string, roundId: string, input: z.output<typeof organiserRecusalInput>): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    requireOpen(round);
    const judge = (await q.judgesOf(tx, roundId, communityId)).find((j) => j.userId === input.userId);
    const fields: Record<string, string> = {};
    if (!judge) fields.userId = 'judging_not_a_judge';
    if (!(await q.isEntry(tx, roundId, input.applicationId))) fields.applicationId = 'judging_not_an_entry';
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    if (await q.findRecusal(tx, roundId, input.userId, input.applicationId)) throw new AppError('state_conflict', { fields: { applicationId: 'judging_already_recused' } });
    await q.insertRecusals(tx, [{ roundId, userId: input.userId, applicationId: input.applicationId, source: 'organiser', reason: input.reason }]);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'judging.recusal_added',
      entityType: 'event_round',
      entityId: roundId,
      entityLabel: `${event.title} · ${round.name}`,
      before: null,
      after: { judge: judge!.displayName, applicationId: input.applicationId, reason: input.reason },
    });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

/** Lifting a recusal, whatever its source, is the organiser's decision and is audited with what it was. */
export async function liftRecusal(ctx: RequestContext, communityId: string, eventId: string, roundId: string, userId: string, applicationId: string): Promise<RoundDetail> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const round = await requireRound(tx, eventId, roundId);
    requireOpen(round);
    const removed = await q.deleteRecusal(tx, roundId, userId, applicationId);
    if (!removed) throw new AppError('not_found');
    await recordAudit(tx, ctx, {
      communityId,
      action: 'judging.recusal_lifted',
      entityType: 'event_round',
      entityId: roundId,
      entityLabel: `${event.title} · ${round.name}`,
      before: { userId, applicationId, source: removed.source, reason: removed.reason },
      after: null,
    });
    return reply(ctx, tx, communityId, event, roundId);
  });
}

// ---------------------------------------------------------------- the event's setting

export async function setNormalisation(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof judgingSettingsInput>): Promise<JudgingOverview> {
  await ctx.db.transaction(async (tx) => {
    const before = await requireJudgingEvent(ctx, communityId, eventId, tx);
    const after = await q.updateNormalisation(tx, eventId, input.version, input.normalisation);
    if (!after) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.normalisation_changed',
      entityType: 'event',
      entityId: eventId,
      entityLabel: before.title,
      before: { normalisation: before.normalisation },
      after: { normalisation: after.normalisation },
    });
  });
  return overview(ctx, communityId, eventId);
}

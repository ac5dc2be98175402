/**
 * The judge's side: the rounds assigned (across communities), a round's entries with the
 * judge's own sheet states, one application's materials, the deck, the score sheet and
 * declaring a conflict of interest. What counts is the assignment (event_round_judges), not a
 * role; anyone not a judge of the round gets not_found. A judge never sees another judge's scores.
 */
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { isValidScore, sheetTotal } from '../../../domain/events/scoring';
import type { RecusalSource, RoundKind, RoundStatus } from '../../../domain/events/vocabularies';
import { can, isMembershipRole } from '../../../domain/roles';
import type { JudgeApplication, JudgeRound, MyJudgingItem, Sheet, declareRecusalInput, sheetInput } from '../../../shared/schemas/judging';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { findMembershipRole, type CommunityRow } from '../communities/queries';
import { contentDisposition } from '../directory/uploads';
import * as q from './queries';
import { conflictNames, loadRound, sheetState, toConflicts, toCriteria } from './round-state';

function communityRef(c: CommunityRow) {
  return { id: c.id, slug: c.slug, kind: c.kind, nameZhHans: c.nameZhHans, nameZhHant: c.nameZhHant, nameEn: c.nameEn };
}

function eventRef(event: q.EventRow, community: CommunityRow) {
  return { id: event.id, title: event.title, kind: event.kind, startsAt: event.startsAt.toISOString(), timeZone: community.timeZone };
}

function toSheet(criteria: q.CriterionRow[], row: q.SheetRow): Sheet {
  return {
    applicationId: row.applicationId,
    scores: row.scores,
    comment: row.comment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    version: row.version,
    total: sheetTotal(criteria, row.scores),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The round if the caller judges it; not_found otherwise, exactly as for a round that does not exist. */
async function requireJudgeOf(db: Executor, ctx: RequestContext, roundId: string) {
  const user = requireUser(ctx);
  const found = await q.roundWithEvent(db, roundId);
  if (!found || !(await q.isJudge(db, roundId, user.id))) throw new AppError('not_found');
  return { ...found, userId: user.id };
}

async function requireEntry(db: Executor, roundId: string, applicationId: string) {
  if (!(await q.isEntry(db, roundId, applicationId))) throw new AppError('not_found');
}

async function requireNotRecused(db: Executor, roundId: string, userId: string, applicationId: string) {
  if (await q.findRecusal(db, roundId, userId, applicationId)) throw new AppError('judge_recused');
}

export async function myRounds(ctx: RequestContext): Promise<MyJudgingItem[]> {
  const user = requireUser(ctx);
  const rows = await q.roundsJudgedBy(ctx.db, user.id);
  const out: MyJudgingItem[] = [];
  for (const { round, event, community } of rows) {
    const loaded = await loadRound(ctx.db, round, community.id);
    const recused = new Set(loaded.recusals.filter((r) => r.userId === user.id).map((r) => r.applicationId));
    const mine = loaded.entries.filter((e) => !recused.has(e.applicationId));
    const states = mine.map((e) => sheetState(loaded, loaded.sheets.find((s) => s.judgeUserId === user.id && s.applicationId === e.applicationId)));
    out.push({
      roundId: round.id,
      roundName: round.name,
      kind: round.kind as RoundKind,
      status: round.status as RoundStatus,
      event: eventRef(event, community),
      community: communityRef(community),
      total: mine.length,
      submitted: states.filter((s) => s === 'submitted').length,
      drafts: states.filter((s) => s === 'draft').length,
      recused: recused.size,
    });
  }
  return out;
}

export async function judgeRound(ctx: RequestContext, roundId: string): Promise<JudgeRound> {
  const { round, event, community, userId } = await requireJudgeOf(ctx.db, ctx, roundId);
  const loaded = await loadRound(ctx.db, round, community.id);
  const mineRecusals = loaded.recusals.filter((r) => r.userId === userId);
  const names = await conflictNames(ctx.db, mineRecusals);
  const entries = loaded.entries.map((e) => {
    const recusal = mineRecusals.find((r) => r.applicationId === e.applicationId);
    const sheet = loaded.sheets.find((s) => s.judgeUserId === userId && s.applicationId === e.applicationId);
    return {
      applicationId: e.applicationId,
      projectName: e.projectName,
      organisationName: e.organisationName,
      segment: e.segment,
      state: recusal ? ('none' as const) : sheetState(loaded, sheet),
      total: !recusal && sheet ? sheetTotal(loaded.criteria, sheet.scores) : null,
      recused: Boolean(recusal),
      recusalSource: (recusal?.source ?? null) as RecusalSource | null,
      recusalReason: recusal && recusal.source !== 'affiliation' ? recusal.reason : null,
      conflicts: recusal ? toConflicts(recusal, names, ctx.locale) : [],
    };
  });
  const open = entries.filter((e) => !e.recused);
  return {
    round: { id: round.id, name: round.name, kind: round.kind as RoundKind, status: round.status as RoundStatus, scoreMin: round.scoreMin, scoreMax: round.scoreMax },
    event: eventRef(event, community),
    community: communityRef(community),
    criteria: toCriteria(loaded.criteria),
    entries,
    submitted: open.filter((e) => e.state === 'submitted').length,
    total: open.length,
  };
}

export async function judgeApplication(ctx: RequestContext, roundId: string, applicationId: string): Promise<JudgeApplication> {
  const { event, userId } = await requireJudgeOf(ctx.db, ctx, roundId);
  await requireEntry(ctx.db, roundId, applicationId);
  await requireNotRecused(ctx.db, roundId, userId, applicationId);
  const application = (await q.findApplication(ctx.db, event.id, applicationId))!;
  const criteria = await q.criteriaOf(ctx.db, roundId);
  const sheet = await q.findSheet(ctx.db, roundId, applicationId, userId);
  const deck = application.deckFileId ? await q.fileById(ctx.db, application.deckFileId) : undefined;
  const project = application.projectId ? await q.projectRef(ctx.db, application.projectId) : undefined;
  // Next and previous among the entries this judge may score, in the round's order.
  const entries = await q.entriesOf(ctx.db, roundId);
  const recused = new Set((await q.recusalsOf(ctx.db, [roundId])).filter((r) => r.userId === userId).map((r) => r.applicationId));
  const order = entries.map((e) => e.applicationId).filter((id) => !recused.has(id));
  const at = order.indexOf(applicationId);
  const questions = new Map(event.applicationQuestions.map((qq) => [qq.id, qq.label]));
  return {
    roundId,
    applicationId,
    projectName: application.projectName,
    organisationName: application.organisationName,
    segment: application.segment,
    summary: application.summary,
    team: application.team,
    answers: Object.entries(application.answers)
      .filter(([id, value]) => questions.has(id) && (typeof value === 'string' || typeof value === 'boolean' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))))
      .map(([id, value]) => ({ id, label: questions.get(id)!, value: value as string | string[] | boolean })),
    project: project ?? null,
    deck: deck ? { filename: deck.filename, sizeBytes: deck.sizeBytes, url: `/api/judging/rounds/${roundId}/applications/${applicationId}/deck` } : null,
    sheet: sheet ? toSheet(criteria, sheet) : null,
    previousId: at > 0 ? order[at - 1]! : null,
    nextId: at >= 0 && at < order.length - 1 ? order[at + 1]! : null,
  };
}

/** The deck, streamed: for the round's judges who are not recused, and for the event's organisers. */
export async function openDeck(ctx: RequestContext, roundId: string, applicationId: string): Promise<{ stream: Readable; contentType: string; sizeBytes: number; disposition: string }> {
  const user = requireUser(ctx);
  const found = await q.roundWithEvent(ctx.db, roundId);
  if (!found) throw new AppError('not_found');
  const role = await findMembershipRole(ctx.db, found.community.id, user.id);
  const organiser = can({ role: role && isMembershipRole(role) ? role : null, isPlatformAdmin: user.isPlatformAdmin }, 'events.manage');
  if (!organiser) {
    if (!(await q.isJudge(ctx.db, roundId, user.id))) throw new AppError('not_found');
  }
  await requireEntry(ctx.db, roundId, applicationId);
  if (!organiser) await requireNotRecused(ctx.db, roundId, user.id, applicationId);
  const application = (await q.findApplication(ctx.db, found.event.id, applicationId))!;
  const file = application.deckFileId ? await q.fileById(ctx.db, application.deckFileId) : undefined;
  if (!file) throw new AppError('not_found');
  return { stream: ctx.storage.open(file.storageKey), contentType: file.contentType, sizeBytes: file.sizeBytes, disposition: contentDisposition('inline', file.filename) };
}

/**
 * Saves the judge's sheet: every score on the round's scale in half steps, for a criterion of
 * the round; submitting needs every criterion scored. A submitted sheet may be changed (and is
 * audited) until the round closes; after that every write is refused (409).
 */
export async function saveSheet(ctx: RequestContext, roundId: string, applicationId: string, input: z.output<typeof sheetInput>): Promise<Sheet> {
  return ctx.db.transaction(async (tx) => {
    const { round, event, community, userId } = await requireJudgeOf(tx, ctx, roundId);
    await requireEntry(tx, roundId, applicationId);
    await requireNotRecused(tx, roundId, userId, applicationId);
    // Re-read under a share lock so a close racing this write either lands first or sees the sheet.
    const current = await q.shareLockRound(tx, roundId);
    if (current?.status !== 'open') throw new AppError('state_conflict', { fields: { round: 'judging_round_closed' } });
    const criteria = await q.criteriaOf(tx, roundId);
    const known = new Set(criteria.map((c) => c.id));
    const fields: Record<string, string> = {};
    for (const [id, value] of Object.entries(input.scores)) {
      if (!known.has(id)) fields[`scores.${id}`] = 'judging_unknown_criterion';
      else if (!isValidScore(value, round.scoreMin, round.scoreMax)) fields[`scores.${id}`] = 'judging_score_out_of_scale';
    }
    if (input.submit) {
      if (criteria.length === 0) fields.scores = 'judging_no_criteria';
      for (const c of criteria) if (input.scores[c.id] === undefined) fields[`scores.${c.id}`] = 'judging_score_required';
    }
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    const values = { scores: input.scores, comment: input.comment, submittedAt: input.submit ? new Date() : null };
    const before = await q.findSheet(tx, roundId, applicationId, userId);
    let row: q.SheetRow | undefined;
    if (!before) {
      if (input.version !== undefined) throw new AppError('version_conflict');
      row = await q.insertSheet(tx, { roundId, applicationId, judgeUserId: userId, ...values });
    } else {
      if (input.version !== before.version) throw new AppError('version_conflict');
      row = await q.updateSheet(tx, before.id, before.version, values);
    }
    if (!row) throw new AppError('version_conflict');
    if (input.submit || before?.submittedAt) {
      await recordAudit(tx, ctx, {
        communityId: community.id,
        action: before?.submittedAt ? 'judging.sheet_changed' : 'judging.sheet_submitted',
        entityType: 'event_score_sheet',
        entityId: row.id,
        entityLabel: `${event.title} · ${round.name}`,
        before: before ? { scores: JSON.stringify(before.scores), comment: before.comment, submitted: before.submittedAt !== null } : null,
        after: { scores: JSON.stringify(row.scores), comment: row.comment, submitted: row.submittedAt !== null },
      });
    }
    return toSheet(criteria, row);
  });
}

/** The judge declares a conflict of interest: from now on the application is neither shown nor scored by them. */
export async function declareRecusal(ctx: RequestContext, roundId: string, applicationId: string, input: z.output<typeof declareRecusalInput>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { round, event, community, userId } = await requireJudgeOf(tx, ctx, roundId);
    await requireEntry(tx, roundId, applicationId);
    if (round.status !== 'open') throw new AppError('state_conflict', { fields: { round: 'judging_round_closed' } });
    const inserted = await q.insertRecusals(tx, [{ roundId, userId, applicationId, source: 'declared', reason: input.reason }]);
    if (inserted.length === 0) return;
    await recordAudit(tx, ctx, {
      communityId: community.id,
      action: 'judging.recusal_declared',
      entityType: 'event_round',
      entityId: roundId,
      entityLabel: `${event.title} · ${round.name}`,
      before: null,
      after: { applicationId, reason: input.reason },
    });
  });
}

/**
 * What the organiser sees of the scoring and what goes out: the progress matrix, the ranking
 * under either normalisation, and publishing the results to the applicants (one transaction:
 * the published ranks, awards and advancing marks, and one e-mail per entry in its language).
 */
import type { z } from 'zod';
import { isLocale } from '../../../domain/locales';
import type { Normalisation, RoundStatus } from '../../../domain/events/vocabularies';
import type { Progress, Ranking, RankingRow, publishInput } from '../../../shared/schemas/judging';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { findCommunity } from '../communities/queries';
import { eventFacts } from '../events/access';
import { enqueueEmail } from '../outbox/enqueue';
import * as q from './queries';
import { cellState, loadRound, progressCounts, rank, type LoadedRound } from './round-state';
import { requireJudgingEvent, requireRound } from './rounds.service';

export async function progress(ctx: RequestContext, communityId: string, eventId: string, roundId: string): Promise<Progress> {
  await requireJudgingEvent(ctx, communityId, eventId);
  const loaded = await loadRound(ctx.db, await requireRound(ctx.db, eventId, roundId), communityId);
  const counts = progressCounts(loaded);
  return {
    roundId,
    judges: loaded.judges.map((j) => ({ userId: j.userId, displayName: j.displayName })),
    entries: loaded.entries.map((e) => ({ applicationId: e.applicationId, projectName: e.projectName })),
    cells: loaded.judges.flatMap((j) =>
      loaded.entries.map((e) => {
        const sheet = loaded.sheets.find((s) => s.judgeUserId === j.userId && s.applicationId === e.applicationId);
        return { userId: j.userId, applicationId: e.applicationId, state: cellState(loaded, j.userId, e.applicationId), submittedAt: sheet?.submittedAt?.toISOString() ?? null };
      }),
    ),
    submittedCount: counts.submitted,
    expectedCount: counts.expected,
  };
}

export function rankingRows(loaded: LoadedRound, normalisation: Normalisation): RankingRow[] {
  const entries = new Map(loaded.entries.map((e) => [e.applicationId, e]));
  return rank(loaded, normalisation).map((r) => {
    const e = entries.get(r.applicationId)!;
    return {
      ...r,
      projectName: e.projectName,
      organisationName: e.organisationName,
      award: e.award,
      advanced: e.advanced,
      publishedRank: e.publishedRank,
      publishedScore: e.publishedScore,
    };
  });
}

export async function loadRanking(db: Executor, event: q.EventRow, round: q.RoundRow, normalisation?: Normalisation): Promise<{ loaded: LoadedRound; ranking: Ranking }> {
  const loaded = await loadRound(db, round, event.communityId);
  const chosen = normalisation ?? (event.normalisation as Normalisation);
  return {
    loaded,
    ranking: {
      roundId: round.id,
      roundName: round.name,
      status: round.status as RoundStatus,
      version: round.version,
      normalisation: chosen,
      eventNormalisation: event.normalisation as Normalisation,
      judgeCount: loaded.judges.length,
      rows: rankingRows(loaded, chosen),
    },
  };
}

export async function ranking(ctx: RequestContext, communityId: string, eventId: string, roundId: string, normalisation?: Normalisation): Promise<Ranking> {
  const event = await requireJudgingEvent(ctx, communityId, eventId);
  const round = await requireRound(ctx.db, eventId, roundId);
  return (await loadRanking(ctx.db, event, round, normalisation)).ranking;
}

/**
 * Publishes a closed round under the event's normalisation: each entry's rank, score and award
 * are stored, the round becomes published, and each applicant is told in their own language.
 * Publishing twice is refused (409), so nobody gets the results twice.
 */
export async function publish(ctx: RequestContext, communityId: string, eventId: string, roundId: string, input: z.output<typeof publishInput>): Promise<Ranking> {
  return ctx.db.transaction(async (tx) => {
    const event = await requireJudgingEvent(ctx, communityId, eventId, tx, true);
    const round = await requireRound(tx, eventId, roundId);
    if (round.status === 'published') throw new AppError('state_conflict', { fields: { round: 'judging_round_published' } });
    if (round.status !== 'closed') throw new AppError('state_conflict', { fields: { round: 'judging_close_before_publish' } });
    const published = await q.updateRound(tx, roundId, input.version, { status: 'published', publishedAt: new Date() });
    if (!published) throw new AppError('version_conflict');
    const { loaded } = await loadRanking(tx, event, round);
    const awards = input.awards ?? {};
    const entryIds = new Set(loaded.entries.map((e) => e.applicationId));
    const unknown = Object.keys(awards).filter((id) => !entryIds.has(id));
    if (unknown.length) throw new AppError('validation_failed', { fields: Object.fromEntries(unknown.map((id) => [`awards.${id}`, 'judging_not_an_entry'])) });
    const rows = rankingRows(loaded, event.normalisation as Normalisation);
    const community = (await findCommunity(tx, communityId))!;
    const facts = eventFacts(event, community);
    const later = (await q.roundsOf(tx, eventId)).some((r) => r.position > round.position);
    for (const row of rows) {
      const entry = loaded.entries.find((e) => e.applicationId === row.applicationId)!;
      const award = awards[row.applicationId] ?? '';
      await q.publishEntry(tx, roundId, row.applicationId, { publishedRank: row.rank, publishedScore: row.score, award, advanced: entry.advanced });
      await enqueueEmail(tx, {
        recipient: entry.contactEmail,
        template: 'event_results',
        locale: isLocale(entry.locale) ? entry.locale : 'zh-CN',
        eventId,
        payload: {
          ...facts,
          contactName: entry.contactName,
          projectName: entry.projectName,
          roundName: round.name,
          rank: row.rank,
          of: rows.length,
          award,
          advanced: entry.advanced,
          isFinal: round.kind === 'final' && !later,
          link: `${ctx.config.publicUrl}/a/${entry.manageToken}`,
        },
      });
    }
    await recordAudit(tx, ctx, {
      communityId,
      action: 'judging.results_published',
      entityType: 'event_round',
      entityId: roundId,
      entityLabel: `${event.title} · ${round.name}`,
      before: { status: round.status },
      after: { status: 'published', normalisation: event.normalisation, entries: rows.length, awards: Object.values(awards).filter(Boolean).length },
    });
    return (await loadRanking(tx, event, published)).ranking;
  });
}


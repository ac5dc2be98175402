/**
 * The demo's challenges (需求揭榜, issue 7), written in the caller's transaction after the
 * directory: two invented organisations (a CDMO and a hospital department) join the directory
 * with a demo user as representative; six challenges are posted — by them, by heyao-cell
 * (member@, to the regenerative-medicine park only), by China Medical City (staff@: an open
 * call and a draft) and by the regenerative-medicine park (regen.admin@: closed, one answer
 * chosen). Answers sit at every stage, some declined or withdrawn, each with a consistent
 * history; three have a private thread. Dates count back from the seeding day.
 */
import { diffFields } from '../../src/domain/audit-diff';
import { ANSWER_STAGES } from '../../src/domain/matching/vocabularies';
import type { Executor } from '../../src/server/db/client';
import {
  auditLog,
  challengeAnswerEvents,
  challengeAnswers,
  challengeCommunities,
  challengeMessages,
  challenges,
} from '../../src/server/db/schema';
import { recordMatchChange } from '../../src/server/modules/matching/changes';
import { companyIdsByKey, insertInventedOrganisations, seedLookups, type MatchSeedRefs } from '../matching/seed-support';
import { CHALLENGE_ORGANISATIONS, DEMO_CHALLENGES } from './challenge-data';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WAN = 1_000_000; // fen in 1 万元

export type ChallengeSeedRefs = MatchSeedRefs;

export async function seedChallenges(tx: Executor, refs: ChallengeSeedRefs): Promise<{ challengeIds: string[] }> {
  const lookups = seedLookups(refs, 'challenges');
  const { community, user } = lookups;
  const orgIds = await insertInventedOrganisations(tx, CHALLENGE_ORGANISATIONS, lookups);
  const posters = new Set(DEMO_CHALLENGES.flatMap((d) => (d.poster.startsWith('org:') ? [d.poster.slice(4)] : [])));
  for (const [key, id] of await companyIdsByKey(tx, posters)) orgIds.set(key, id);

  const now = Date.now();
  const challengeIds: string[] = [];
  for (const d of DEMO_CHALLENGES) {
    const [type, key] = d.poster.split(':') as ['org' | 'community', string];
    const organisationId = type === 'org' ? orgIds.get(key) : null;
    if (type === 'org' && !organisationId) throw new Error(`challenges seed: no organisation ${key}`);
    const communityId = type === 'community' ? community(key) : null;
    const author = user(d.author);
    const publishedAt = d.publishedDaysAgo === null ? null : new Date(now - d.publishedDaysAgo * DAY);
    const createdAt = new Date((publishedAt?.getTime() ?? now) - 2 * DAY);
    const [row] = await tx
      .insert(challenges)
      .values({
        organisationId,
        communityId,
        kind: d.kind,
        titleZh: d.titleZh,
        titleEn: d.titleEn,
        description: d.description,
        requirements: d.requirements,
        offer: d.offer,
        budgetFen: d.budgetWan === null ? null : d.budgetWan * WAN,
        segments: d.segments,
        keywords: d.keywords,
        deadline: new Date(now + d.deadlineInDays * DAY),
        visibility: d.communities ? 'communities' : 'public',
        status: d.status,
        publishedAt,
        createdBy: author,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      })
      .returning({ id: challenges.id });
    const id = row!.id;
    challengeIds.push(id);
    if (d.communities) await tx.insert(challengeCommunities).values(d.communities.map((slug) => ({ challengeId: id, communityId: community(slug) })));
    await tx.insert(auditLog).values({
      actorUserId: author,
      communityId,
      action: publishedAt ? 'challenge.published' : 'challenge.created',
      entityType: 'challenge',
      entityId: id,
      entityLabel: d.titleZh,
      changes: diffFields(null, { titleZh: d.titleZh, status: d.status, visibility: d.communities ? 'communities' : 'public' }),
      requestId: 'demo-seed',
    });

    for (const [i, a] of d.answers.entries()) {
      const submittedAt = new Date((publishedAt?.getTime() ?? now) + (i + 1) * DAY);
      const status = a.status ?? 'active';
      const [answer] = await tx
        .insert(challengeAnswers)
        .values({
          challengeId: id,
          submittedBy: user(a.by),
          teamName: a.teamName,
          summary: a.summary,
          approach: a.approach,
          evidence: a.evidence,
          team: a.team,
          ip: a.ip,
          resources: a.resources,
          timeline: a.timeline,
          budgetFen: a.budgetWan === null ? null : a.budgetWan * WAN,
          stage: a.stage,
          status,
          declineReason: a.declineReason ?? '',
          screeningNote: a.screeningNote ?? '',
          createdAt: submittedAt,
          updatedAt: submittedAt,
        })
        .returning({ id: challengeAnswers.id });
      const answerId = answer!.id;
      // The history that leads to the stage: submitted, then one advance per stage, then the outcome.
      let at = submittedAt.getTime();
      const events: (typeof challengeAnswerEvents.$inferInsert)[] = [{ answerId, kind: 'submitted', toStage: 'submitted', actorId: user(a.by), createdAt: new Date(at) }];
      for (let s = 1; s <= ANSWER_STAGES.indexOf(a.stage); s++) {
        at += 2 * DAY;
        events.push({ answerId, kind: 'advanced', fromStage: ANSWER_STAGES[s - 1], toStage: ANSWER_STAGES[s], actorId: author, createdAt: new Date(at) });
      }
      if (status === 'declined') events.push({ answerId, kind: 'declined', fromStage: a.stage, toStage: a.stage, note: a.declineReason ?? '', actorId: author, createdAt: new Date(at + DAY) });
      if (status === 'withdrawn') events.push({ answerId, kind: 'withdrawn', fromStage: a.stage, toStage: a.stage, actorId: user(a.by), createdAt: new Date(at + DAY) });
      await tx.insert(challengeAnswerEvents).values(events.map((e) => ({ ...e, createdAt: new Date(Math.min(e.createdAt!.getTime(), now - HOUR)) })));
      for (const [j, [side, by, body]] of (a.thread ?? []).entries()) {
        await tx.insert(challengeMessages).values({ answerId, authorId: user(by), side, body, createdAt: new Date(Math.min(at + (j + 1) * 3 * HOUR, now - HOUR + j * 60_000)) });
      }
    }
  }
  await recordMatchChange(tx, 'challenge', challengeIds);
  return { challengeIds };
}

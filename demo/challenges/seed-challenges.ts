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
import { nameKey } from '../../src/domain/text/fold';
import type { Executor } from '../../src/server/db/client';
import { eq } from 'drizzle-orm';
import {
  auditLog,
  challengeAnswerEvents,
  challengeAnswers,
  challengeCommunities,
  challengeMessages,
  challenges,
  organisationRepresentatives,
  organisations,
} from '../../src/server/db/schema';
import { recordMatchChange } from '../../src/server/modules/matching/changes';
import { refreshSearchDocuments } from '../../src/server/modules/search/index-document';
import { COMPANIES } from '../directory/companies';
import { CHALLENGE_ORGANISATIONS, DEMO_CHALLENGES } from './challenge-data';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WAN = 1_000_000; // fen in 1 万元

export interface ChallengeSeedRefs {
  userIds: Map<string, string>;
  communityIds: Map<string, string>;
}

export async function seedChallenges(tx: Executor, refs: ChallengeSeedRefs): Promise<{ challengeIds: string[] }> {
  const community = (slug: string) => {
    const id = refs.communityIds.get(slug);
    if (!id) throw new Error(`challenges seed: no community ${slug}`);
    return id;
  };
  const user = (email: string) => {
    const id = refs.userIds.get(email);
    if (!id) throw new Error(`challenges seed: no user ${email}`);
    return id;
  };

  const orgIds = new Map<string, string>();
  for (const o of CHALLENGE_ORGANISATIONS) {
    const [row] = await tx
      .insert(organisations)
      .values({
        kind: o.kind,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        nameKey: nameKey(o.nameZh),
        province: o.province,
        city: o.city,
        segments: o.segments,
        descriptionZh: o.descriptionZh,
        descriptionEn: o.descriptionEn,
        stewardCommunityId: community(o.community),
      })
      .returning({ id: organisations.id });
    orgIds.set(o.key, row!.id);
    await tx.insert(organisationRepresentatives).values({ organisationId: row!.id, userId: user(o.representative) });
  }
  await refreshSearchDocuments(tx, 'organisation', [...orgIds.values()]);
  for (const c of COMPANIES.filter((x) => DEMO_CHALLENGES.some((d) => d.poster === `org:${x.key}`))) {
    const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameZh, c.nameZh));
    if (row) orgIds.set(c.key, row.id);
  }

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

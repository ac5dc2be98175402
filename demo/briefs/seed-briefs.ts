/**
 * The demo's technology briefs (issue 7), written in the caller's transaction after the
 * directory: three invented organisations (a hospital's translational centre, an institute's
 * lab, a diagnostics startup) join the directory, stewarded by a demo community, and eleven
 * briefs are posted — ten published (some to chosen communities only), one draft of member@'s
 * heyao-cell. A brief of an organisation without representatives is posted by its steward
 * community (the brief records it), as the API does. Deterministic apart from the dates, which
 * count back from the seeding day.
 */
import { eq } from 'drizzle-orm';
import { diffFields } from '../../src/domain/audit-diff';
import type { Executor } from '../../src/server/db/client';
import { auditLog, organisationRepresentatives, organisations, techBriefCommunities, techBriefs } from '../../src/server/db/schema';
import { recordMatchChange } from '../../src/server/modules/matching/changes';
import { companyIdsByKey, insertInventedOrganisations, seedLookups, type MatchSeedRefs } from '../matching/seed-support';
import { BRIEF_ORGANISATIONS, DEMO_BRIEFS } from './brief-data';

const DAY = 86_400_000;

export type BriefSeedRefs = MatchSeedRefs;

export async function seedBriefs(tx: Executor, refs: BriefSeedRefs): Promise<{ briefIds: string[] }> {
  const lookups = seedLookups(refs, 'briefs');
  const { community, user } = lookups;
  // The invented organisations of the briefs, added as their steward community's admin would,
  // and the directory's own invented companies that post briefs.
  const orgIds = await insertInventedOrganisations(tx, BRIEF_ORGANISATIONS, lookups);
  for (const [key, id] of await companyIdsByKey(tx, new Set(DEMO_BRIEFS.map((b) => b.owner)))) orgIds.set(key, id);

  const now = Date.now();
  const briefIds: string[] = [];
  for (const [i, b] of DEMO_BRIEFS.entries()) {
    const organisationId = orgIds.get(b.owner);
    if (!organisationId) throw new Error(`briefs seed: no organisation ${b.owner}`);
    const [org] = await tx.select({ steward: organisations.stewardCommunityId }).from(organisations).where(eq(organisations.id, organisationId));
    const represented = (await tx.select({ u: organisationRepresentatives.userId }).from(organisationRepresentatives).where(eq(organisationRepresentatives.organisationId, organisationId)).limit(1)).length > 0;
    const postedBy = represented ? null : (org?.steward ?? null);
    const publishedAt = b.publishedDaysAgo === null ? null : new Date(now - b.publishedDaysAgo * DAY);
    const createdAt = new Date(now - ((b.publishedDaysAgo ?? 1) + 3 + (i % 4)) * DAY);
    const writer = user(b.contact);
    const [row] = await tx
      .insert(techBriefs)
      .values({
        organisationId,
        communityId: postedBy,
        titleZh: b.titleZh,
        titleEn: b.titleEn,
        problem: b.problem,
        solution: b.solution,
        advantages: b.advantages,
        maturity: b.maturity,
        ipStatus: b.ipStatus,
        ipDetail: b.ipDetail,
        partnerships: b.partnerships,
        partnerSought: b.partnerSought,
        segments: b.segments,
        keywords: b.keywords,
        visibility: b.communities ? 'communities' : 'public',
        status: publishedAt ? 'published' : 'draft',
        publishedAt,
        contactUserId: writer,
        createdBy: writer,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      })
      .returning({ id: techBriefs.id });
    const id = row!.id;
    briefIds.push(id);
    if (b.communities) await tx.insert(techBriefCommunities).values(b.communities.map((slug) => ({ briefId: id, communityId: community(slug) })));
    await tx.insert(auditLog).values({
      actorUserId: writer,
      communityId: postedBy,
      action: publishedAt ? 'brief.published' : 'brief.created',
      entityType: 'brief',
      entityId: id,
      entityLabel: b.titleZh,
      changes: diffFields(null, { titleZh: b.titleZh, status: publishedAt ? 'published' : 'draft', visibility: b.communities ? 'communities' : 'public' }),
      requestId: 'demo-seed',
    });
  }
  await recordMatchChange(tx, 'brief', briefIds);
  return { briefIds };
}

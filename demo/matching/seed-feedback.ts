/**
 * A few verdicts on suggestions, so the demo shows feedback at first start: investor@ (for the
 * investor it represents) finds two projects in its thesis useful and one not relevant; the
 * China Medical City staff (staff@, for the park) find two projects useful. Picked by rule from
 * the seeded directory (public projects of the right segments, not already linked), so the
 * seed does not depend on the directory's exact contents.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import { rowsOf } from '../../src/server/db/sql-helpers';
import { recordMatchChange } from '../../src/server/modules/matching/changes';
import type { PartneringSeedRefs } from '../partnering/seed-partnering';

export interface MatchFeedbackSeedResult {
  feedback: number;
}

async function insert(tx: Executor, userId: string, subjectType: string, subjectId: string, projectIds: string[], verdicts: string[]): Promise<number> {
  let n = 0;
  for (const [i, projectId] of projectIds.entries()) {
    const verdict = verdicts[i];
    if (!verdict) break;
    await tx.execute(
      sql`insert into match_feedback (user_id, subject_type, subject_id, candidate_type, candidate_id, verdict)
          values (${userId}, ${subjectType}, ${subjectId}, 'project', ${projectId}, ${verdict}) on conflict do nothing`,
    );
    n++;
  }
  if (n > 0) await recordMatchChange(tx, 'project', projectIds.slice(0, n));
  return n;
}

export async function seedMatchFeedback(tx: Executor, refs: PartneringSeedRefs): Promise<MatchFeedbackSeedResult> {
  let feedback = 0;
  const investorUser = refs.userIds.get('investor@biobridge.demo');
  if (investorUser) {
    const [org] = await rowsOf<{ id: string }>(
      tx,
      sql`select r.organisation_id as id from organisation_representatives r join organisations o on o.id = r.organisation_id
          where r.user_id = ${investorUser} and o.kind in ('investor', 'guidance_fund', 'state_financing') order by o.name_zh limit 1`,
    );
    if (org) {
      const projects = await rowsOf<{ id: string }>(
        tx,
        sql`select p.id from projects p join organisations o on o.id = ${org.id}
            where p.confidentiality = 'public' and p.segment = any(o.thesis_segments)
              and not exists (select 1 from directory_links l where l.from_id = o.id and l.to_id = p.id)
            order by p.name_zh, p.id limit 3`,
      );
      feedback += await insert(tx, investorUser, 'organisation', org.id, projects.map((p) => p.id), ['useful', 'useful', 'not_relevant']);
    }
  }
  const staffUser = refs.userIds.get('staff@biobridge.demo');
  const cmc = refs.communityIds.get('china-medical-city');
  if (staffUser && cmc) {
    const projects = await rowsOf<{ id: string }>(
      tx,
      sql`select p.id from projects p
          where p.confidentiality = 'public' and p.community_id <> ${cmc}
            and p.segment in (select unnest(focus_segments) from community_match_profiles where community_id = ${cmc}
                              union select 'innovative_drug' where not exists (select 1 from community_match_profiles where community_id = ${cmc}))
          order by p.name_zh, p.id limit 2`,
    );
    feedback += await insert(tx, staffUser, 'community', cmc, projects.map((p) => p.id), ['useful', 'useful']);
  }
  return { feedback };
}

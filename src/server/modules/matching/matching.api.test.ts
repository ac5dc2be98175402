import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactOptions, FeedbackResult, MatchExplanation, MatchList, RefreshRun } from '../../../shared/schemas/matching';
import { signedIn, type Client, type TestApp, startTestApp } from '../../../../test/app';
import { createProject } from '../directory/directory.fixtures';
import { claimRun } from './refresh';

/**
 * The matching API on the demo dataset: ranked lists with reasons, visibility of confidential
 * projects and community briefs, feedback, one-click contact, the change feed, the refresh.
 */

let t: TestApp;
let investor: Client; // represents chengtai-vc; investor member of CMC and Jiading
let otherInvestor: Client; // represents jinling-pe; investor member of CMC
let staff: Client; // staff of China Medical City
let member: Client; // represents heyao-cell; member of CMC and Daxing
let alliance: Client; // admin of the Jiading alliance (not a CMC member)
let admin: Client;
let cmc: string;
let chengtai: string;
let jinling: string;

async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return t.database.withConnection((conn) => conn.rows<T>(query, params));
}
async function orgId(name: string): Promise<string> {
  return (await rows<{ id: string }>('select id from organisations where name_zh = $1', [name]))[0]!.id;
}
const ids = (list: MatchList) => list.items.map((i) => i.candidate.id);

beforeAll(async () => {
  t = await startTestApp();
  investor = await signedIn(t.app, 'investor@biobridge.demo');
  otherInvestor = await signedIn(t.app, 'jiahe.shen@biobridge.demo');
  staff = await signedIn(t.app, 'staff@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  alliance = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  admin = await signedIn(t.app, 'admin@biobridge.demo');
  cmc = staff.communityId('china-medical-city');
  chengtai = await orgId('上海澄泰创业投资管理有限公司');
  jinling = (await rows<{ id: string }>(
    `select r.organisation_id as id from organisation_representatives r join users u on u.id = r.user_id where u.email = 'jiahe.shen@biobridge.demo'`,
  ))[0]!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('ranked matches', () => {
  it('counts a park whose residents work in the project’s segment (cluster), and names the segment', async () => {
    // A segment China Medical City's residents work in, and a project of that segment staff may see.
    const [pair] = await rows<{ segment: string; project: string }>(
      `select x.segment, p.id as project from (
         select p.segment from directory_links l join projects p on p.id = l.from_id
          where l.role = 'resident_of' and l.to_type = 'community' and l.to_id = $1 and l.from_type = 'project'
         union
         select unnest(o.segments) from directory_links l join organisations o on o.id = l.from_id
          where l.role = 'resident_of' and l.to_type = 'community' and l.to_id = $1 and l.from_type = 'organisation') x
       join projects p on p.segment = x.segment and p.community_id = $1
       where not exists (select 1 from directory_links r where r.from_id = p.id and r.to_id = $1)
       order by p.id limit 1`,
      [cmc],
    );
    expect(pair).toBeDefined();
    const res = await staff.get<MatchExplanation>(`/api/matches/project/${pair!.project}/community/${cmc}?target=parks`);
    expect(res.status).toBe(200);
    const cluster = res.body.criteria.find((c) => c.code === 'cluster');
    expect(cluster?.status).toBe('met');
    expect(cluster?.matched).toContain(pair!.segment);
  });

  it('ranks projects for an investor with criteria whose contributions add up to the score', async () => {
    const res = await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=10`);
    expect(res.status).toBe(200);
    expect(res.body.targets).toContain('projects');
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.considered).toBeGreaterThanOrEqual(res.body.items.length);
    for (const item of res.body.items) {
      expect(item.candidate.type).toBe('project');
      expect(item.candidate.titleZh.length).toBeGreaterThan(0);
      expect(item.criteria.length).toBeGreaterThan(0);
      const sum = item.criteria.reduce((s, c) => s + c.contribution, 0);
      expect(Math.abs(sum - item.score)).toBeLessThan(1e-3);
    }
    // Best first.
    const scores = res.body.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // An investor's portfolio is never suggested to it again.
    const linked = await rows<{ id: string }>(`select to_id as id from directory_links where from_id = $1`, [chengtai]);
    for (const l of linked) expect(ids(res.body)).not.toContain(l.id);
  });

  it('explains one pair with the same score, and rejects a target the subject has no use for', async () => {
    const list = (await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=3`)).body;
    const first = list.items[0]!;
    const res = await investor.get<MatchExplanation>(`/api/matches/organisation/${chengtai}/project/${first.candidate.id}?target=projects`);
    expect(res.status).toBe(200);
    expect(res.body.score).toBeCloseTo(first.score, 3);
    expect(res.body.rank).toBe(1);
    expect(res.body.criteria.map((c) => c.code)).toEqual(first.criteria.map((c) => c.code));
    const bad = await investor.get(`/api/matches/organisation/${chengtai}?target=research_teams`);
    expect(bad.status).toBe(400);
    const malformed = await investor.get(`/api/matches/organisation/not-a-uuid?target=projects`);
    expect(malformed.status).toBe(400);
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/matches/organisation/${chengtai}?target=projects` });
    expect(res.statusCode).toBe(401);
  });
});

describe('visibility', () => {
  let named: string;
  let confidential: string;

  beforeAll(async () => {
    named = (
      await createProject(staff, cmc, {
        nameZh: '示例:定向披露的细胞治疗项目',
        segment: 'cell_therapy',
        track: 'cgt',
        stage: 'cgt_preclinical',
        confidentiality: 'named_investors',
        namedInvestorIds: [chengtai],
        fundingSoughtFen: 5_000_000_000,
        summaryZh: '示例数据:CAR-T 免疫细胞治疗,计划一年内申报IND。',
      })
    ).id;
    confidential = (
      await createProject(staff, cmc, {
        nameZh: '示例:园区内部的抗体项目',
        segment: 'innovative_drug',
        stage: 'preclinical',
        confidentiality: 'community',
        fundingSoughtFen: 3_000_000_000,
      })
    ).id;
  });

  it('matches a named-investors project to the named investor and never to another', async () => {
    const mine = await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=200`);
    expect(ids(mine.body)).toContain(named);
    const theirs = await otherInvestor.get<MatchList>(`/api/matches/organisation/${jinling}?target=projects&limit=200`);
    expect(theirs.status).toBe(200);
    expect(ids(theirs.body)).not.toContain(named);
    // Not even through the explanation of a pair, nor as a subject.
    expect((await otherInvestor.get(`/api/matches/organisation/${jinling}/project/${named}?target=projects`)).status).toBe(404);
    expect((await otherInvestor.get(`/api/matches/project/${named}?target=investors`)).status).toBe(404);
    expect((await investor.get(`/api/matches/project/${named}?target=investors`)).status).toBe(200);
  });

  it('shows a community-confidential project to the members of its community only', async () => {
    // investor@ is a CMC member: sees it as a candidate and as a subject.
    expect((await investor.get(`/api/matches/project/${confidential}?target=investors`)).status).toBe(200);
    const explained = await investor.get(`/api/matches/organisation/${chengtai}/project/${confidential}?target=projects`);
    expect(explained.status).toBe(200);
    // The Jiading admin is not: 404 for the subject and for the pair.
    expect((await alliance.get(`/api/matches/project/${confidential}?target=investors`)).status).toBe(404);
    expect((await alliance.get(`/api/matches/organisation/${chengtai}/project/${confidential}?target=projects`)).status).toBe(404);
    const list = await alliance.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=200`);
    expect(ids(list.body)).not.toContain(confidential);
  });

  it('shows a brief visible to chosen communities to their members only', async () => {
    const daxing = member.communityId('daxing-regen-park');
    const heyao = await orgId('江苏禾曜细胞治疗有限公司');
    const owner = await orgId('上海槿研医药科技有限公司');
    const [brief] = await rows<{ id: string }>(
      `insert into tech_briefs (organisation_id, title_zh, problem, solution, maturity, ip_status, partnerships, segments, keywords, visibility, status, published_at)
       values ($1, '示例:干细胞冻存新工艺', '示例数据:细胞治疗产品冻存后活率下降', '示例数据:无DMSO冻存液', 'prototype', 'patent_pending',
               '{licensing}', '{cell_therapy}', '{干细胞,冻存}', 'communities', 'published', now()) returning id`,
      [owner],
    );
    await rows(`insert into tech_brief_communities (brief_id, community_id) values ($1, $2)`, [brief!.id, daxing]);
    await rows(`insert into match_changes (entity_type, entity_id) values ('brief', $1)`, [brief!.id]);
    // member@ (Daxing member, represents an enterprise) sees it among briefs; staff@ (CMC only) does not.
    const forMember = await member.get<MatchList>(`/api/matches/organisation/${heyao}?target=briefs&limit=200`);
    expect(forMember.status).toBe(200);
    expect(ids(forMember.body)).toContain(brief!.id);
    expect((await member.get(`/api/matches/brief/${brief!.id}?target=companies`)).status).toBe(200);
    expect((await staff.get(`/api/matches/brief/${brief!.id}?target=companies`)).status).toBe(404);
    const forStaff = await staff.get<MatchList>(`/api/matches/organisation/${heyao}?target=briefs&limit=200`);
    expect(ids(forStaff.body)).not.toContain(brief!.id);
  });

  it('stores refresh rows with the subject side visibility, and filters them again on reading', async () => {
    await rows(`update match_refresh_runs set status = 'failed', finished_at = now() where status = 'running'`);
    const started = await admin.post<RefreshRun>('/api/admin/matching/refresh');
    expect(started.status).toBe(202);
    let last: RefreshRun | null = null;
    for (let i = 0; i < 600; i++) {
      last = (await admin.get<{ last: RefreshRun | null }>('/api/admin/matching/refresh')).body.last;
      if (last?.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(last?.status).toBe('succeeded');
    expect(last!.suggestions).toBeGreaterThan(0);
    const stored = async (subject: string) =>
      (await rows<{ id: string }>(`select candidate_id as id from match_suggestions where subject_id = $1 and target = 'projects'`, [subject])).map((r) => r.id);
    expect(await stored(jinling)).not.toContain(named);
    expect(await stored(jinling)).not.toContain(confidential);
    const suggestions = await otherInvestor.get<{ groups: { items: { candidate: { id: string } }[] }[] }>('/api/me/suggestions');
    expect(suggestions.status).toBe(200);
    const suggested = suggestions.body.groups.flatMap((g) => g.items.map((i) => i.candidate.id));
    expect(suggested).not.toContain(named);
  });

  it('stores suggestions only for subjects a home shows, and ranks the others live', async () => {
    // The refresh of the test before has run. Projects: stored only when their owner has representatives.
    const storedProjects = await rows<{ represented: boolean; n: number }>(
      `select exists (select 1 from organisation_representatives r where r.organisation_id = p.owner_organisation_id) as represented,
              count(distinct s.subject_id)::int as n
       from match_suggestions s join projects p on p.id = s.subject_id
       where s.subject_type = 'project' group by 1`,
    );
    expect(storedProjects.find((r) => !r.represented)).toBeUndefined();
    expect(storedProjects.find((r) => r.represented)?.n ?? 0).toBeGreaterThan(0);
    // Organisations: every investing one → projects; one without representatives has no other stored target.
    const orgTargets = await rows<{ target: string; represented: boolean }>(
      `select distinct s.target, exists (select 1 from organisation_representatives r where r.organisation_id = s.subject_id) as represented
       from match_suggestions s where s.subject_type = 'organisation'`,
    );
    expect(orgTargets.filter((r) => !r.represented).map((r) => r.target)).toEqual(orgTargets.some((r) => !r.represented) ? ['projects'] : []);
    expect(orgTargets.some((r) => r.represented && r.target === 'briefs')).toBe(true);

    // A subject without stored rows (member@'s organisation, its rows removed) is ranked live on the home.
    const heyao = (await rows<{ id: string }>(
      `select r.organisation_id as id from organisation_representatives r join users u on u.id = r.user_id where u.email = 'member@biobridge.demo'`,
    ))[0]!.id;
    await rows(`delete from match_suggestions where subject_id = $1 or subject_id in (select id from projects where owner_organisation_id = $1)`, [heyao]);
    const home = await member.get<{ groups: { subject: { id: string }; refreshedAt: string | null; items: unknown[] }[] }>('/api/me/suggestions');
    expect(home.status).toBe(200);
    const live = home.body.groups.filter((g) => g.refreshedAt === null);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((g) => g.items.length > 0)).toBe(true);
  });
});

describe('feedback and contact', () => {
  it('drops a candidate marked not relevant from that viewer’s list only', async () => {
    const list = (await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=5`)).body;
    const victim = list.items[0]!.candidate.id;
    const put = await investor.request<FeedbackResult>('PUT', '/api/matches/feedback', {
      subjectType: 'organisation',
      subjectId: chengtai,
      candidateType: 'project',
      candidateId: victim,
      verdict: 'not_relevant',
    });
    expect(put.status).toBe(200);
    expect(ids((await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=5`)).body)).not.toContain(victim);
    const without = await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=5`);
    const withDismissed = await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=5&includeDismissed=true`);
    // Dismissed candidates come last when asked for: counted, marked, not in the first five.
    const [dismissed] = await rows<{ n: number }>(
      `select count(*)::int as n from match_feedback f join users u on u.id = f.user_id
        where u.email = 'investor@biobridge.demo' and f.subject_id = $1 and f.verdict = 'not_relevant'`,
      [chengtai],
    );
    expect(dismissed!.n).toBeGreaterThanOrEqual(1);
    expect(withDismissed.body.considered).toBe(without.body.considered + dismissed!.n);
    expect(ids(withDismissed.body)).not.toContain(victim);
    const explained = await investor.get<MatchExplanation>(`/api/matches/organisation/${chengtai}/project/${victim}?target=projects`);
    expect(explained.body.feedback).toBe('not_relevant');
    // Another viewer of the same subject still sees it (admins see every organisation's matches).
    const adminList = await admin.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=200`);
    expect(ids(adminList.body)).toContain(victim);
    // Cleared: back in the list.
    await investor.request('PUT', '/api/matches/feedback', { subjectType: 'organisation', subjectId: chengtai, candidateType: 'project', candidateId: victim, verdict: null });
    expect(ids((await investor.get<MatchList>(`/api/matches/organisation/${chengtai}?target=projects&limit=5`)).body)).toContain(victim);
  });

  it('turns a contact into a pipeline item with source matching and the verdict contacted, in one transaction', async () => {
    const [project] = await rows<{ id: string }>(`select id from projects where confidentiality = 'public' order by name_zh limit 1`);
    const options = await staff.get<ContactOptions>(`/api/matches/project/${project!.id}/organisation/${chengtai}/contact-options`);
    expect(options.status).toBe(200);
    const pipeline = options.body.pipelines.find((p) => p.communityId === cmc)!;
    expect(pipeline).toBeDefined();
    // A pipeline that does not exist: 404 and nothing written.
    const failed = await staff.post('/api/matches/contact', {
      subjectType: 'project',
      subjectId: project!.id,
      candidateType: 'organisation',
      candidateId: chengtai,
      via: { kind: 'pipeline', communityId: cmc, pipelineId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(failed.status).toBe(404);
    expect(await rows(`select 1 from match_feedback where subject_id = $1 and candidate_id = $2`, [project!.id, chengtai])).toHaveLength(0);
    const res = await staff.post<{ verdict: string; pipelineItemId: string | null }>('/api/matches/contact', {
      subjectType: 'project',
      subjectId: project!.id,
      candidateType: 'organisation',
      candidateId: chengtai,
      via: { kind: 'pipeline', communityId: cmc, pipelineId: pipeline.pipelineId },
    });
    expect(res.status).toBe(201);
    const [item] = await rows<{ source: string; project_id: string; organisation_id: string }>(
      `select source, project_id, organisation_id from pipeline_items where id = $1`,
      [res.body.pipelineItemId],
    );
    expect(item).toMatchObject({ source: 'matching', project_id: project!.id, organisation_id: chengtai });
    const [fb] = await rows<{ verdict: string; pipeline_item_id: string }>(
      `select verdict, pipeline_item_id from match_feedback where subject_id = $1 and candidate_id = $2`,
      [project!.id, chengtai],
    );
    expect(fb).toEqual({ verdict: 'contacted', pipeline_item_id: res.body.pipelineItemId });
    // A member without pipeline.write cannot.
    const denied = await investor.post('/api/matches/contact', {
      subjectType: 'project',
      subjectId: project!.id,
      candidateType: 'organisation',
      candidateId: chengtai,
      via: { kind: 'pipeline', communityId: cmc, pipelineId: pipeline.pipelineId },
    });
    expect(denied.status).toBe(403);
  });

  it('turns a contact into a partnering request at an event both sides take part in', async () => {
    // investor@ and a startup of the CMC partnering day without a live request between them.
    const candidates = await rows<{ org: string; event: string }>(
      `select them.organisation_id as org, me.event_id as event
         from partnering_participants me
         join users u on u.id = me.user_id and u.email = 'investor@biobridge.demo'
         join partnering_participants them on them.event_id = me.event_id and them.id <> me.id and them.status = 'active' and them.side = 'startup'
         join events e on e.id = me.event_id and e.ends_at > now()
        where me.status = 'active' and them.organisation_id is not null
          and not exists (select 1 from partnering_requests r where r.status in ('pending', 'accepted')
                          and ((r.from_participant_id = me.id and r.to_participant_id = them.id) or (r.from_participant_id = them.id and r.to_participant_id = me.id)))
        order by them.organisation_name limit 1`,
    );
    expect(candidates.length).toBe(1);
    const { org, event } = candidates[0]!;
    const options = await investor.get<ContactOptions>(`/api/matches/organisation/${chengtai}/organisation/${org}/contact-options`);
    expect(options.body.partneringEvents.map((e) => e.eventId)).toContain(event);
    const res = await investor.post<{ partneringRequestId: string | null }>('/api/matches/contact', {
      subjectType: 'organisation',
      subjectId: chengtai,
      candidateType: 'organisation',
      candidateId: org,
      via: { kind: 'partnering', eventId: event, priority: 'would_like', message: '示例:希望了解贵司项目进展' },
    });
    expect(res.status).toBe(201);
    expect(res.body.partneringRequestId).not.toBeNull();
    const [fb] = await rows<{ verdict: string; partnering_request_id: string }>(
      `select verdict, partnering_request_id from match_feedback where subject_id = $1 and candidate_id = $2`,
      [chengtai, org],
    );
    expect(fb).toEqual({ verdict: 'contacted', partnering_request_id: res.body.partneringRequestId });
    // Again: the pair already has a live request.
    const again = await investor.post('/api/matches/contact', {
      subjectType: 'organisation',
      subjectId: chengtai,
      candidateType: 'organisation',
      candidateId: org,
      via: { kind: 'partnering', eventId: event, priority: 'would_like', message: '' },
    });
    expect(again.status).toBe(409);
    // … and the options no longer offer that event for the pair.
    const after = await investor.get<ContactOptions>(`/api/matches/organisation/${chengtai}/organisation/${org}/contact-options`);
    expect(after.body.partneringEvents.map((e) => e.eventId)).not.toContain(event);
  });
});

describe('change feed', () => {
  it('sees a directory edit on the next request', async () => {
    const p = await createProject(staff, cmc, { nameZh: '示例:换赛道的项目', segment: 'medical_device', track: 'device', stage: 'device_design', confidentiality: 'public' });
    const before = await investor.get<MatchExplanation>(`/api/matches/organisation/${chengtai}/project/${p.id}?target=projects`);
    expect(before.status).toBe(200);
    const segmentBefore = before.body.criteria.find((c) => c.code === 'segment');
    const edit = await staff.patch(`/api/directory/projects/${p.id}`, { version: p.version, segment: 'cell_therapy' });
    expect(edit.status).toBe(200);
    const after = await investor.get<MatchExplanation>(`/api/matches/organisation/${chengtai}/project/${p.id}?target=projects`);
    const segmentAfter = after.body.criteria.find((c) => c.code === 'segment');
    expect(segmentAfter?.matched).not.toEqual(segmentBefore?.matched);
    expect(after.body.candidate.segments).toEqual(['cell_therapy']);
    // Deleted: gone from the index.
    const del = await staff.delete(`/api/directory/projects/${p.id}`);
    expect([200, 204]).toContain(del.status);
    expect((await investor.get(`/api/matches/organisation/${chengtai}/project/${p.id}?target=projects`)).status).toBe(404);
  });
});

describe('full refresh', () => {
  it('runs one at a time and only for platform admins', async () => {
    expect((await staff.post('/api/admin/matching/refresh')).status).toBe(403);
    await rows(`update match_refresh_runs set status = 'failed', finished_at = now() where status = 'running'`);
    const held = await claimRun(t.database.db, null);
    expect(held).not.toBeNull();
    const res = await admin.post('/api/admin/matching/refresh');
    expect(res.status).toBe(409);
    expect((res.body as { error: { code: string } }).error.code).toBe('match_refresh_running');
    // A run whose lease ran out no longer holds the slot.
    await rows(`update match_refresh_runs set lease_until = now() - interval '1 minute' where id = $1`, [held!.id]);
    const again = await claimRun(t.database.db, null);
    expect(again).not.toBeNull();
    expect((await rows<{ status: string }>(`select status from match_refresh_runs where id = $1`, [held!.id]))[0]!.status).toBe('failed');
    await rows(`update match_refresh_runs set status = 'failed', finished_at = now() where id = $1`, [again!.id]);
  });
});

describe('demo seeders', () => {
  it('seed feedback and stored suggestions inside one transaction', async () => {
    const { seedMatchFeedback } = await import('../../../../demo/matching/seed-feedback');
    const { seedSuggestions } = await import('../../../../demo/matching/seed-suggestions');
    const users = await rows<{ id: string; email: string }>(`select id, email from users`);
    const communities = await rows<{ id: string; slug: string }>(`select id, slug from communities`);
    const refs = { userIds: new Map(users.map((u) => [u.email, u.id])), communityIds: new Map(communities.map((c) => [c.slug, c.id])) };
    const result = await t.database.db.transaction(async (tx) => {
      const feedback = await seedMatchFeedback(tx, refs);
      const stats = await seedSuggestions(tx);
      return { feedback, stats };
    });
    expect(result.feedback.feedback).toBeGreaterThan(0);
    expect(result.stats.suggestions).toBeGreaterThan(0);
    const [run] = await rows<{ status: string }>(`select status from match_refresh_runs order by created_at desc limit 1`);
    expect(run!.status).toBe('succeeded');
    // investor@ now reads stored suggestions for its organisation.
    const mine = await investor.get<{ groups: { subject: { id: string }; target: string; refreshedAt: string | null; items: unknown[] }[] }>('/api/me/suggestions');
    const group = mine.body.groups.find((g) => g.subject.id === chengtai && g.target === 'projects');
    expect(group?.refreshedAt).not.toBeNull();
    expect(group!.items.length).toBeGreaterThan(0);
  });
});

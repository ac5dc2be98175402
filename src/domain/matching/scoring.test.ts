import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex } from './index';
import { KIND_SPECS, parseGap, parseMatched } from './scoring';
import { SERVICES_BY_STAGE, servicesNeeded } from './stages';
import { features, featuresArb, stubThesaurus } from './test-support';
import type { MatchFeatures, MatchScore } from './types';
import { MATCH_TARGETS, type MatchTarget } from './vocabularies';
import { Thesaurus } from '../thesaurus/thesaurus';

const targetArb = fc.constantFrom<MatchTarget>(...MATCH_TARGETS);
const explain = (target: MatchTarget, s: MatchFeatures, c: MatchFeatures, index = new MatchIndex(stubThesaurus)): MatchScore => index.explain(target, s, c)!;
const crit = (m: MatchScore, code: string) => m.criteria.find((c) => c.code === code)!;

describe('the weights', () => {
  it('sum to 1 in every kind of pair', () => {
    for (const spec of Object.values(KIND_SPECS)) expect(spec.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
  });
});

describe('scores and explanations (properties)', () => {
  it('score in [0,1], contributions add up to it, statuses agree with fits, applicable weights sum to 1', () => {
    fc.assert(
      fc.property(targetArb, featuresArb(), featuresArb(), (target, s, c) => {
        const m = explain(target, s, c);
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
        expect(m.criteria.reduce((sum, x) => sum + x.contribution, 0)).toBeCloseTo(m.score, 12);
        const applicable = m.criteria.filter((x) => x.status !== 'not_applicable');
        if (applicable.length > 0) expect(applicable.reduce((sum, x) => sum + x.weight, 0)).toBeCloseTo(1, 12);
        for (const x of m.criteria) {
          expect(x.fit).toBeGreaterThanOrEqual(0);
          expect(x.fit).toBeLessThanOrEqual(1);
          expect(x.contribution).toBeCloseTo(x.weight * x.fit, 15);
          if (x.status === 'met') expect(x.fit).toBe(1);
          if (x.status === 'missing') {
            expect(x.fit).toBe(0);
            expect(x.gaps.length).toBeGreaterThan(0);
          }
          if (x.status === 'partial') {
            expect(x.fit).toBeGreaterThan(0);
            expect(x.fit).toBeLessThan(1);
          }
          if (x.status === 'not_applicable') {
            expect(x.contribution).toBe(0);
            expect(x.weight).toBe(0);
            expect(x.gaps).toEqual([]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  /** One improvement at a time: the score never goes down. */
  const improvements: { name: string; apply: (s: MatchFeatures, c: MatchFeatures) => [MatchFeatures, MatchFeatures] | null }[] = [
    {
      // The candidate already works in some segment (so no other criterion starts to apply).
      name: 'a shared segment',
      apply: (s, c) => (s.segments.length > 0 && c.segments.length > 0 ? [s, { ...c, segments: [...new Set([...c.segments, s.segments[0]!])] }] : null),
    },
    {
      name: 'a shared stage',
      apply: (s, c) => (s.stages.length > 0 && c.stages.length > 0 ? [s, { ...c, stages: [...new Set([...c.stages, s.stages[0]!])] }] : null),
    },
    {
      name: 'a ticket range moved to cover the amount sought (either side)',
      apply: (s, c) => {
        // Widen each side's range to take in every amount sought on either side (whichever side
        // the pair's kind reads as the project), so the move is an improvement in every reading.
        const sought = [s.fundingSoughtFen, c.fundingSoughtFen].filter((x): x is number => x !== null);
        if (sought.length === 0) return null;
        const cover = (x: MatchFeatures) => ({
          ...x,
          ticketMinFen: x.ticketMinFen === null ? null : Math.min(x.ticketMinFen, ...sought),
          ticketMaxFen: x.ticketMaxFen === null ? null : Math.max(x.ticketMaxFen, ...sought),
        });
        return [cover(s), cover(c)];
      },
    },
    {
      name: 'a required milestone reached (either side)',
      apply: (s, c) => {
        const m = c.milestones[0] ?? s.milestones[0];
        return m === undefined ? null : [{ ...s, milestones: [...new Set([...s.milestones, ...c.milestones])] }, { ...c, milestones: [...new Set([...c.milestones, ...s.milestones])] }];
      },
    },
    {
      name: 'a required qualification held (either side)',
      apply: (s, c) => [{ ...s, qualifications: [...new Set([...s.qualifications, ...c.qualifications])] }, { ...c, qualifications: [...new Set([...c.qualifications, ...s.qualifications])] }],
    },
    { name: 'free space added', apply: (s, c) => [{ ...s, freeAreaSqm: (s.freeAreaSqm ?? 0) + 100 }, { ...c, freeAreaSqm: (c.freeAreaSqm ?? 0) + 100 }] },
    {
      // The candidate already has text to judge (so the text criterion does not start to apply).
      name: 'a shared concept',
      apply: (s, c) => (c.tokens.length > 0 || /\b(w|alt)\d/.test(c.text) ? [{ ...s, text: `${s.text} w2` }, { ...c, text: `${c.text} w2` }] : null),
    },
    {
      name: 'a needed service offered',
      apply: (s, c) => (c.services.length === 0 ? null : [s, { ...c, services: [...new Set([...c.services, ...s.services, ...s.stages.flatMap((st) => SERVICES_BY_STAGE[st] ?? [])])] }]),
    },
    { name: 'useful feedback from others', apply: (s, c) => [s, { ...c, feedback: { ...c.feedback, useful: c.feedback.useful + 1 } }] },
    {
      name: 'the province among the preferred regions (either side)',
      apply: (s, c) => (s.province === null || c.province === null ? null : [{ ...s, regions: [...new Set([...s.regions, c.province])] }, { ...c, regions: [...new Set([...c.regions, s.province])] }]),
    },
    {
      name: 'a portfolio investment in the segment (either side)',
      apply: (s, c) =>
        s.segments.length > 0 && c.segments.length > 0 && (s.portfolioSegments.length > 0 || s.portfolioStages.length > 0) && (c.portfolioSegments.length > 0 || c.portfolioStages.length > 0)
          ? [{ ...s, portfolioSegments: [...new Set([...s.portfolioSegments, ...c.segments])] }, { ...c, portfolioSegments: [...new Set([...c.portfolioSegments, ...s.segments])] }]
          : null,
    },
    { name: 'a shared partnership kind', apply: (s, c) => (s.partnerships.length > 0 && c.partnerships.length > 0 ? [s, { ...c, partnerships: [...new Set([...c.partnerships, ...s.partnerships])] }] : null) },
  ];

  for (const imp of improvements) {
    it(`is monotone: ${imp.name} never lowers the score`, () => {
      fc.assert(
        fc.property(targetArb, featuresArb(), featuresArb(), (target, s, c) => {
          const next = imp.apply(s, c);
          if (next === null) return;
          const index = new MatchIndex(stubThesaurus);
          const before = explain(target, s, c, index).score;
          const after = explain(target, next[0], next[1], index).score;
          expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('project ↔ investor', () => {
  const project = features({ id: 'p', segments: ['cell_therapy'], stages: ['cgt_iit'], province: '北京', fundingSoughtFen: 50_000_000_00, tokens: ['car', 't', '细胞'] });
  const investor = (fields: Partial<MatchFeatures>) =>
    features({ id: 'i', type: 'organisation', roles: ['investor', 'company'], segments: ['cell_therapy'], stages: ['cgt_iit'], ticketMinFen: 10_000_000_00, ticketMaxFen: 80_000_000_00, ...fields });

  it('says "ticket range below the amount sought" with the amounts', () => {
    const m = explain('investors', project, investor({ ticketMaxFen: 30_000_000_00 }));
    const ticket = crit(m, 'ticket');
    expect(ticket.gaps).toEqual(['ticket_below_sought']);
    expect(ticket.values).toEqual({ soughtFen: 50_000_000_00, ticketMinFen: 10_000_000_00, ticketMaxFen: 30_000_000_00 });
    expect(ticket.status).toBe('partial');
    expect(crit(explain('investors', project, investor({ ticketMaxFen: 10_000_000_00 })), 'ticket').status).toBe('missing');
    expect(crit(explain('investors', project, investor({ ticketMinFen: 200_000_000_00, ticketMaxFen: null })), 'ticket').gaps).toEqual(['ticket_above_sought']);
    expect(crit(explain('investors', project, investor({})), 'ticket').status).toBe('met');
  });

  it('gives an adjacent stage of the same track half, another track nothing', () => {
    expect(crit(explain('investors', project, investor({ stages: ['cgt_phase_1'] })), 'stage')).toMatchObject({ status: 'partial', fit: 0.5, gaps: ['stage_adjacent'] });
    expect(crit(explain('investors', project, investor({ stages: ['phase_1'] })), 'stage')).toMatchObject({ status: 'missing', gaps: ['stage_not_in_focus'] });
  });

  it('does not judge the region of an investor that names none, and renormalises', () => {
    const m = explain('investors', project, investor({ regions: [] }));
    expect(crit(m, 'region').status).toBe('not_applicable');
    expect(crit(explain('investors', project, investor({ regions: ['上海'] })), 'region')).toMatchObject({ status: 'missing', gaps: ['region_outside'] });
    expect(crit(explain('investors', project, investor({ regions: ['北京'] })), 'region')).toMatchObject({ status: 'met', matched: ['北京'] });
  });

  it('scores the same pair the same from either side', () => {
    const inv = investor({ portfolioSegments: ['cell_therapy'], tokens: ['car', '细胞'] });
    const index = new MatchIndex(stubThesaurus);
    index.upsert(project);
    index.upsert(inv);
    expect(index.explain('projects', inv, project)!.score).toBe(index.explain('investors', project, inv)!.score);
  });
});

describe('project ↔ park', () => {
  const project = features({ id: 'p', segments: ['cell_therapy'], stages: ['cgt_iit'], milestones: [] });
  const park = (fields: Partial<MatchFeatures>) =>
    features({ id: 'k', type: 'community', roles: ['park'], segments: ['cell_therapy'], stages: ['cgt_iit'], milestones: ['ind_cleared', 'nmpa_drug_certificate'], freeAreaSqm: 0, ...fields });

  it('lists the milestones a park requires that the project lacks, and no free space', () => {
    const m = explain('parks', project, park({}));
    expect(crit(m, 'milestones')).toMatchObject({ status: 'missing', gaps: ['milestone_missing:ind_cleared,nmpa_drug_certificate'] });
    expect(parseGap(crit(m, 'milestones').gaps[0]!)).toEqual({ code: 'milestone_missing', args: ['ind_cleared', 'nmpa_drug_certificate'] });
    expect(crit(m, 'space')).toMatchObject({ status: 'missing', gaps: ['no_free_space'], values: { freeAreaSqm: 0 } });
    const m2 = explain('parks', { ...project, milestones: ['ind_cleared'] }, park({ freeAreaSqm: 800 }));
    expect(crit(m2, 'milestones')).toMatchObject({ status: 'met', matched: ['ind_cleared'] });
    expect(crit(m2, 'space').status).toBe('met');
    expect(m2.score).toBeGreaterThan(m.score);
    expect(crit(explain('parks', project, park({ freeAreaSqm: null })), 'space').status).toBe('not_applicable');
  });

  it('counts the same province half when the park states no regions, another province nothing', () => {
    const here = { ...project, province: '辽宁' };
    expect(crit(explain('parks', here, park({ province: '辽宁', regions: [] })), 'region')).toMatchObject({ status: 'partial', fit: 0.5, gaps: ['regions_not_stated'], matched: ['辽宁'] });
    expect(crit(explain('parks', here, park({ province: '江苏', regions: [] })), 'region')).toMatchObject({ status: 'missing', gaps: ['different_province'] });
    expect(crit(explain('parks', here, park({ province: null, regions: [] })), 'region').status).toBe('not_applicable');
    expect(crit(explain('parks', here, park({ province: '江苏', regions: ['辽宁'] })), 'region').status).toBe('met');
    // Also for an investor that states none, from either side.
    const inv = features({ id: 'i', type: 'organisation', roles: ['investor'], province: '辽宁', regions: [] });
    expect(crit(explain('investors', here, inv), 'region')).toMatchObject({ status: 'partial', fit: 0.5 });
    expect(explain('projects', inv, here).score).toBe(explain('investors', here, inv).score);
  });

  it('rewards a park whose residents work in the project segment (cluster)', () => {
    const m = explain('parks', project, park({ portfolioSegments: ['cell_therapy', 'ivd'] }));
    expect(crit(m, 'cluster')).toMatchObject({ status: 'met', matched: ['cell_therapy'] });
    const m0 = explain('parks', project, park({ portfolioSegments: ['ivd'] }));
    expect(crit(m0, 'cluster')).toMatchObject({ status: 'missing', gaps: ['no_residents_in_segment'] });
    expect(m.score).toBeGreaterThan(m0.score);
    expect(crit(explain('parks', project, park({ portfolioSegments: [] })), 'cluster').status).toBe('not_applicable');
  });

  it('is monotone in the cluster and the region of a park (property)', () => {
    fc.assert(
      fc.property(fc.subarray(['cell_therapy', 'ivd', 'device']), fc.constantFrom('辽宁', '江苏'), fc.subarray(['辽宁', '江苏']), (cluster, province, regions) => {
        const p = { ...project, province: '辽宁' };
        const without = explain('parks', p, park({ portfolioSegments: cluster.filter((x) => x !== 'cell_therapy'), province, regions }));
        const withIt = explain('parks', p, park({ portfolioSegments: [...cluster, 'cell_therapy'], province, regions }));
        expect(withIt.score).toBeGreaterThanOrEqual(without.score);
        const far = explain('parks', p, park({ portfolioSegments: cluster, province: '江苏', regions: regions.filter((r) => r !== '辽宁') }));
        const near = explain('parks', p, park({ portfolioSegments: cluster, province: '辽宁', regions: regions.filter((r) => r !== '辽宁') }));
        expect(near.score).toBeGreaterThanOrEqual(far.score);
      }),
    );
  });

  it('ranks a closed park nowhere', () => {
    const index = new MatchIndex();
    index.upsert(park({ id: 'open' }));
    index.upsert(park({ id: 'closed', closed: true }));
    const res = index.top('parks', project, { limit: 10, viewer: { isPlatformAdmin: false, memberOf: new Set(), staffOf: new Set(), represents: new Set() } });
    expect(res.items.map((i) => i.id)).toEqual(['open']);
    expect(res.considered).toBe(1);
  });
});

describe('need → service provider', () => {
  it('needs the services of the stage, finance and IP weakly, and names what is not offered', () => {
    expect(servicesNeeded(['preclinical'], [])).toEqual([
      { code: 'animal_testing', weight: 1 },
      { code: 'cdmo', weight: 1 },
      { code: 'cro', weight: 1 },
      { code: 'finance', weight: 0.25 },
      { code: 'ip', weight: 0.25 },
    ]);
    const project = features({ id: 'p', stages: ['preclinical'], province: '江苏' });
    const cro = features({ id: 's', type: 'organisation', roles: ['service'], services: ['cro', 'animal_testing'], province: '江苏' });
    const m = explain('services', project, cro);
    const services = crit(m, 'services');
    expect(services.status).toBe('partial');
    expect(services.fit).toBeCloseTo(2 / 3.5, 12);
    expect(services.matched).toEqual(['animal_testing', 'cro']);
    expect(parseGap(services.gaps[0]!)).toEqual({ code: 'service_not_offered', args: ['cdmo', 'finance', 'ip'] });
    expect(crit(m, 'region')).toMatchObject({ status: 'partial', fit: 0.5 });
  });
});

describe('text through the thesaurus', () => {
  const thesaurus = Thesaurus.build([
    { code: 'cell_therapy', segment: 'cell_therapy', relatedCodes: [], terms: [{ lang: 'en', term: 'CAR-T' }, { lang: 'zh_hans', term: '免疫细胞治疗' }, { lang: 'en', term: 'cell therapy' }] },
    { code: 'stem_cell', segment: 'regenerative', relatedCodes: ['regenerative_medicine'], terms: [{ lang: 'zh_hans', term: '干细胞' }] },
    { code: 'regenerative_medicine', segment: 'regenerative', relatedCodes: [], terms: [{ lang: 'zh_hans', term: '再生医学' }] },
  ]);

  it('matches CAR-T with 免疫细胞治疗 as one concept, naming the term of each side', () => {
    const index = new MatchIndex(thesaurus);
    const brief = features({ id: 'b', type: 'brief', roles: ['brief'], text: 'car-t 平台 授权' });
    const company = features({ id: 'c', type: 'organisation', roles: ['company'], text: '专注免疫细胞治疗的企业' });
    const m = index.explain('companies', brief, company)!;
    const text = crit(m, 'text');
    expect(text.status).toBe('met');
    expect(text.matched.map(parseMatched)).toContainEqual({ kind: 'concept', code: 'cell_therapy', subjectTerm: 'CAR-T', candidateTerm: '免疫细胞治疗' });
  });

  it('counts a related concept at a lower weight', () => {
    const index = new MatchIndex(thesaurus);
    const challenge = features({ id: 'h', type: 'challenge', roles: ['challenge'], text: '寻找干细胞方向团队' });
    const related = features({ id: 't1', type: 'organisation', roles: ['research_team'], text: '再生医学研究所' });
    const same = features({ id: 't2', type: 'organisation', roles: ['research_team'], text: '干细胞研究所' });
    const r = crit(index.explain('research_teams', challenge, related)!, 'text');
    expect(r.status).toBe('partial');
    expect(r.matched.map(parseMatched)).toContainEqual({ kind: 'related', code: 'stem_cell', relatedCode: 'regenerative_medicine', subjectTerm: '干细胞', candidateTerm: '再生医学' });
    expect(crit(index.explain('research_teams', challenge, same)!, 'text').fit).toBeGreaterThan(r.fit);
  });

  it('weights a rare shared token above a common one', () => {
    const index = new MatchIndex();
    for (let i = 0; i < 20; i++) index.upsert(features({ id: `filler${i}`, tokens: ['平台', `x${i}`] }));
    const subject = features({ id: 's', type: 'brief', roles: ['brief'], tokens: ['平台', '噬菌体', 'a', 'b', 'c', 'd', 'e'] });
    const rare = features({ id: 'c1', type: 'organisation', roles: ['company'], tokens: ['噬菌体'] });
    const common = features({ id: 'c2', type: 'organisation', roles: ['company'], tokens: ['平台'] });
    index.upsert(rare);
    index.upsert(common);
    const fr = crit(index.explain('companies', subject, rare)!, 'text');
    const fcm = crit(index.explain('companies', subject, common)!, 'text');
    expect(fr.fit).toBeGreaterThan(fcm.fit);
    expect(fr.matched).toEqual(['term:噬菌体']);
  });
});

describe('distinctive tokens', () => {
  it('gives no weight to a token found in too many records, in the ranking and in the explanation alike', () => {
    const index = new MatchIndex(undefined, { minCommonDf: 2 });
    for (let i = 0; i < 5; i++) index.upsert(features({ id: `f${i}`, type: 'organisation', roles: ['company'], tokens: ['平台', `only${i}`] }));
    const subject = features({ id: 's', type: 'brief', roles: ['brief'], tokens: ['平台', 'only3'] });
    const common = crit(index.explain('companies', subject, { type: 'organisation', id: 'f0' })!, 'text');
    expect(common).toMatchObject({ status: 'missing', matched: [], gaps: ['no_shared_text'] });
    const top = index.top('companies', subject, { limit: 1, viewer: { isPlatformAdmin: false, memberOf: new Set(), staffOf: new Set(), represents: new Set() } });
    expect(top.items[0]!.id).toBe('f3');
    expect(crit(top.items[0]!.score, 'text')).toMatchObject({ status: 'met', matched: ['term:only3'] });
  });
});

describe('brief ↔ company', () => {
  it('rewards a company that has done the partnership sought', () => {
    const brief = features({ id: 'b', type: 'brief', roles: ['brief'], partnerships: ['licensing'], segments: ['innovative_drug'] });
    const licensee = features({ id: 'c', type: 'organisation', roles: ['company'], partnerships: ['licensing'], segments: ['innovative_drug'] });
    const other = { ...licensee, id: 'd', partnerships: ['investment'] };
    expect(crit(explain('companies', brief, licensee), 'partnership').status).toBe('met');
    expect(crit(explain('companies', brief, other), 'partnership').gaps).toEqual(['partnership_not_done:licensing']);
    expect(explain('briefs', licensee, brief).score).toBe(explain('companies', brief, licensee).score);
  });
});

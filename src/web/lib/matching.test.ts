import { describe, expect, it } from 'vitest';
import { MATCH_TARGETS } from '../../domain/matching/vocabularies';
import { CATALOGUES } from '../i18n/catalogue';
import type { CriterionDto } from '../../shared/schemas/matching';
import {
  CANDIDATE_TYPE_OF_TARGET,
  CRITERION_CODES,
  contactLinks,
  GAP_CODES,
  contributionTotal,
  explanationPath,
  matchesPath,
  profileTargetsOfOrganisation,
  recordLink,
  recordTitle,
  scorePercent,
  toggleVerdict,
  topReasons,
} from './matching';

type Tree = { [key: string]: string | Tree };
function leaf(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;

function criterion(partial: Partial<CriterionDto> & { code: string }): CriterionDto {
  return { weight: 0.2, fit: 1, contribution: 0.2, status: 'met', matched: [], gaps: [], ...partial };
}

describe('matching words', () => {
  it('name every criterion the engine emits, in every status, in all three languages', () => {
    for (const lang of LANGS) {
      for (const code of CRITERION_CODES) {
        for (const form of ['name', 'met', 'partial', 'missing']) {
          expect(leaf(CATALOGUES[lang] as Tree, `matching.criteria.${code}.${form}`), `${lang} ${code}.${form}`).toBeTruthy();
        }
      }
    }
  });

  it('word every gap code, short and in detail, in all three languages', () => {
    for (const lang of LANGS) {
      for (const code of GAP_CODES) {
        expect(leaf(CATALOGUES[lang] as Tree, `matching.gaps.${code}.short`), `${lang} ${code}`).toBeTruthy();
        expect(leaf(CATALOGUES[lang] as Tree, `matching.gaps.${code}.detail`), `${lang} ${code}`).toBeTruthy();
      }
    }
  });

  it('name every target and every status', () => {
    for (const lang of LANGS) {
      for (const target of MATCH_TARGETS) {
        expect(leaf(CATALOGUES[lang] as Tree, `matching.targets.${target}`)).toBeTruthy();
        expect(leaf(CATALOGUES[lang] as Tree, `matching.suggestions.group.${target}`)).toContain('{{name}}');
      }
      for (const status of ['met', 'partial', 'missing', 'not_applicable']) expect(leaf(CATALOGUES[lang] as Tree, `matching.status.${status}`)).toBeTruthy();
    }
  });

  it('say the ticket gap with its amounts', () => {
    expect(leaf(CATALOGUES['zh-CN'] as Tree, 'matching.gaps.ticket_below_sought.detail')).toMatch(/\{\{ticketMax\}\}.*\{\{sought\}\}/);
    expect(leaf(CATALOGUES['zh-CN'] as Tree, 'matching.gaps.ticket_below_sought.short')).toBe('单笔投资额低于融资需求');
  });
});

describe('scores', () => {
  it('are whole percentages clamped to 0..100', () => {
    expect(scorePercent(0.784)).toBe(78);
    expect(scorePercent(1.2)).toBe(100);
    expect(scorePercent(-0.1)).toBe(0);
    expect(scorePercent(Number.NaN)).toBe(0);
  });

  it('add up from the contributions', () => {
    expect(contributionTotal([criterion({ code: 'segment', contribution: 0.3 }), criterion({ code: 'stage', contribution: 0.25 })])).toBeCloseTo(0.55);
  });
});

describe('topReasons', () => {
  const criteria = [
    criterion({ code: 'segment', contribution: 0.3, matched: ['cell_therapy'] }),
    criterion({ code: 'stage', contribution: 0.2, status: 'partial', fit: 0.5 }),
    criterion({ code: 'ticket', weight: 0.2, contribution: 0, fit: 0, status: 'missing', gaps: ['ticket_below_sought'], values: { soughtFen: 5e9, ticketMaxFen: 1e9 } }),
    criterion({ code: 'region', weight: 0, contribution: 0, status: 'not_applicable' }),
    criterion({ code: 'feedback', weight: 0.05, contribution: 0.05 }),
    criterion({ code: 'text', contribution: 0.1, matched: ['car_t'] }),
  ];

  it('lead with the strongest fits, keep a place for a gap, skip what cannot be judged and others’ feedback', () => {
    const reasons = topReasons(criteria, 3);
    expect(reasons.map((r) => `${r.kind}:${r.gap ?? r.code}`)).toEqual(['fit:segment', 'fit:stage', 'gap:ticket_below_sought']);
    expect(reasons[2]!.values.soughtFen).toBe(5e9);
  });

  it('give the strongest fit when only one reason fits on the line (home cards)', () => {
    expect(topReasons(criteria, 1).map((r) => `${r.kind}:${r.gap ?? r.code}`)).toEqual(['fit:segment']);
  });

  it('show only fits when nothing is missing', () => {
    const reasons = topReasons(criteria.filter((c) => c.code !== 'ticket'), 4);
    expect(reasons.every((r) => r.kind === 'fit')).toBe(true);
    expect(reasons.map((r) => r.code)).toEqual(['segment', 'stage', 'text']);
  });

  it('show a partly met criterion with a concrete shortfall as that shortfall, a soft one as a fit', () => {
    const reasons = topReasons(
      [
        criterion({ code: 'ticket', status: 'partial', fit: 0.5, contribution: 0.1, gaps: ['ticket_below_sought'] }),
        criterion({ code: 'stage', status: 'partial', fit: 0.5, contribution: 0.1, gaps: ['stage_adjacent'] }),
        criterion({ code: 'milestones', status: 'missing', fit: 0, contribution: 0, gaps: ['milestone_missing:ind_cleared'] }),
      ],
      4,
    );
    expect(reasons.map((r) => `${r.kind}:${r.gap ?? r.code}`)).toEqual(['fit:stage', 'gap:milestone_missing:ind_cleared', 'gap:ticket_below_sought']);
  });

  it('turn a missing criterion without gap codes into a gap', () => {
    const reasons = topReasons([criterion({ code: 'segment', status: 'missing', fit: 0, contribution: 0 })], 4);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ kind: 'gap', code: 'segment', status: 'missing' });
    expect(reasons[0]!.gap).toBeUndefined();
  });
});

describe('feedback toggles', () => {
  it('set a verdict and clear it on a second click', () => {
    expect(toggleVerdict(null, 'useful')).toBe('useful');
    expect(toggleVerdict('useful', 'useful')).toBeNull();
    expect(toggleVerdict('useful', 'not_relevant')).toBe('not_relevant');
  });
});

describe('links', () => {
  const ctx = { communities: [{ id: 'c1', slug: 'cmc' }, { id: 'c2', slug: 'daxing' }], fallbackSlug: 'cmc' };
  const rec = (type: 'project' | 'organisation' | 'community' | 'brief' | 'challenge', communityIds: string[] = []) => ({ type, id: 'r1', communityIds, slug: null });

  it('open directory records in a community both share, else the current one', () => {
    expect(recordLink(rec('project', ['c9', 'c2']), ctx)).toBe('/c/daxing/directory/projects/r1');
    expect(recordLink(rec('organisation', ['c9']), ctx)).toBe('/c/cmc/directory/organisations/r1');
    expect(recordLink(rec('organisation'), { communities: [], fallbackSlug: null })).toBeNull();
  });

  it('open briefs and challenges on their pages, communities only for members', () => {
    expect(recordLink(rec('brief'), ctx)).toBe('/briefs/r1');
    expect(recordLink(rec('challenge'), ctx)).toBe('/challenges/r1');
    expect(recordLink({ type: 'community', id: 'c2', communityIds: [], slug: 'daxing' }, ctx)).toBe('/c/daxing');
    expect(recordLink({ type: 'community', id: 'c7', communityIds: [], slug: 'other' }, ctx)).toBeNull();
  });

  it('address lists and explanations', () => {
    expect(matchesPath('project', 'p1', 'investors')).toBe('/matches/project/p1?target=investors');
    expect(explanationPath('project', 'p1', { type: 'organisation', id: 'o1' }, 'investors')).toBe('/matches/project/p1/organisation/o1?target=investors');
  });

  it('name records in the UI language', () => {
    expect(recordTitle({ titleZh: '诚泰创投', titleEn: 'Chengtai VC' }, 'en')).toBe('Chengtai VC');
    expect(recordTitle({ titleZh: '诚泰创投', titleEn: 'Chengtai VC' }, 'zh-TW')).toBe('诚泰创投');
    expect(recordTitle({ titleZh: '诚泰创投', titleEn: null }, 'en')).toBe('诚泰创投');
  });
});

describe('profile panels', () => {
  it('list what fits the organisation kind', () => {
    expect(profileTargetsOfOrganisation('investor')).toEqual(['projects']);
    expect(profileTargetsOfOrganisation('service_provider')).toEqual(['projects']);
    expect(profileTargetsOfOrganisation('enterprise')).toEqual(['briefs', 'challenges']);
    expect(profileTargetsOfOrganisation('hospital')).toEqual(['challenges']);
    expect(profileTargetsOfOrganisation('association')).toEqual([]);
  });

  it('know the record type of every target', () => {
    for (const target of MATCH_TARGETS) expect(CANDIDATE_TYPE_OF_TARGET[target]).toBeTruthy();
  });
});

describe('contact links', () => {
  const slugOf = (id: string) => (id === 'c1' ? 'cmc' : undefined);
  it('open the pipeline board at the new item, or the partnering event', () => {
    expect(contactLinks({ pipelineItemId: 'i1', partneringRequestId: null }, { communityId: 'c1', pipelineId: 'p1' }, slugOf)).toEqual({
      pipeline: '/c/cmc/pipelines/p1?item=i1',
      partnering: null,
    });
    expect(contactLinks({ pipelineItemId: null, partneringRequestId: 'r1' }, { eventId: 'e1' }, slugOf)).toEqual({ pipeline: null, partnering: '/partnering/e1' });
  });

  it('give no pipeline link for a community the viewer cannot open', () => {
    expect(contactLinks({ pipelineItemId: 'i1', partneringRequestId: null }, { communityId: 'c9', pipelineId: 'p1' }, slugOf).pipeline).toBeNull();
  });
});

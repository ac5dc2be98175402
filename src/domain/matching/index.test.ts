import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex, type RecordRef } from './index';
import { features, featuresArb, stubThesaurus, viewer, viewerArb } from './test-support';
import { ROLE_OF_TARGET, type MatchFeatures, type MatchViewer } from './types';
import { canSee } from './visibility';
import { FEEDBACK_VERDICTS, MATCH_TARGETS, type FeedbackVerdict, type MatchTarget } from './vocabularies';

const IDS = Array.from({ length: 14 }, (_, i) => `r${String(i).padStart(2, '0')}`);
const targetArb = fc.constantFrom<MatchTarget>(...MATCH_TARGETS);
/** Records with distinct ids (the last of a duplicated id wins, as an upsert would). */
const recordsArb = fc.array(featuresArb(IDS), { maxLength: 14 }).map((rs) => [...new Map(rs.map((r) => [r.id, r])).values()]);
const ownFeedbackArb = fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom<FeedbackVerdict>(...FEEDBACK_VERDICTS))).map((xs) => new Map(xs));

function build(records: readonly MatchFeatures[]): MatchIndex {
  const index = new MatchIndex(stubThesaurus);
  for (const r of records) index.upsert(r);
  return index;
}

/** What top() must return, by brute force over explain(). */
function bruteForce(
  index: MatchIndex,
  records: readonly MatchFeatures[],
  target: MatchTarget,
  subject: MatchFeatures,
  subjectArg: MatchFeatures | RecordRef,
  v: MatchViewer,
  own: ReadonlyMap<string, FeedbackVerdict>,
  includeDismissed: boolean,
  exclude: readonly string[],
) {
  const eligible = records
    .filter((c) => c.roles.includes(ROLE_OF_TARGET[target]))
    .filter((c) => !c.closed && canSee(v, c.visibility))
    .filter((c) => c.id !== subject.id && !subject.linkedIds.includes(c.id) && !c.linkedIds.includes(subject.id) && !exclude.includes(c.id))
    .map((c) => ({ id: c.id, dismissed: own.get(c.id) === 'not_relevant', score: index.explain(target, subjectArg, { type: c.type, id: c.id })!.score }))
    .filter((c) => includeDismissed || !c.dismissed);
  eligible.sort((a, b) => Number(a.dismissed) - Number(b.dismissed) || b.score - a.score || (a.id < b.id ? -1 : 1));
  return eligible;
}

describe('MatchIndex.top', () => {
  it('equals a brute-force sort of the explained scores of every eligible candidate, and never shows what the viewer may not see', () => {
    fc.assert(
      fc.property(
        recordsArb,
        featuresArb(IDS),
        fc.boolean(),
        targetArb,
        viewerArb,
        ownFeedbackArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 8 }),
        fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 2 }),
        (records, outsider, subjectInIndex, target, v, own, includeDismissed, limit, exclude) => {
          if (records.length === 0) return;
          const index = build(records);
          const subject = subjectInIndex ? records[0]! : outsider;
          const subjectArg = subjectInIndex ? { type: subject.type, id: subject.id } : subject;
          const expected = bruteForce(index, records, target, subject, subjectArg, v, own, includeDismissed, exclude);
          const got = index.top(target, subjectArg, { limit, viewer: v, ownFeedback: own, includeDismissed, exclude });
          expect(got.considered).toBe(expected.length);
          expect(got.items.map((i) => i.id)).toEqual(expected.slice(0, limit).map((e) => e.id));
          got.items.forEach((item, k) => {
            // The listed score is the explained score: the same number.
            expect(item.score.score).toBe(expected[k]!.score);
            expect(item.rank).toBe(k + 1);
            expect(item.dismissed).toBe(expected[k]!.dismissed);
            const record = records.find((r) => r.id === item.id)!;
            expect(canSee(v, record.visibility)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts dismissed candidates last only when asked, and keeps useful and contacted ones', () => {
    const index = new MatchIndex();
    for (const id of ['a', 'b', 'c']) index.upsert(features({ id, type: 'organisation', roles: ['investor'], segments: ['ivd'] }));
    index.upsert(features({ id: 'd', type: 'organisation', roles: ['investor'], segments: ['medical_device'] }));
    const project = features({ id: 'p', segments: ['ivd'] });
    const own = new Map<string, FeedbackVerdict>([
      ['a', 'not_relevant'],
      ['b', 'useful'],
      ['c', 'contacted'],
    ]);
    const plain = index.top('investors', project, { limit: 10, viewer: viewer(), ownFeedback: own });
    expect(plain.items.map((i) => i.id)).toEqual(['b', 'c', 'd']);
    const all = index.top('investors', project, { limit: 10, viewer: viewer(), ownFeedback: own, includeDismissed: true });
    expect(all.items.map((i) => [i.id, i.dismissed])).toEqual([
      ['b', false],
      ['c', false],
      ['d', false],
      ['a', true],
    ]);
  });

  it('never suggests a record already linked, nor the subject itself', () => {
    const index = new MatchIndex();
    index.upsert(features({ id: 'fund', type: 'organisation', roles: ['investor'], linkedIds: ['p'] }));
    index.upsert(features({ id: 'fund2', type: 'organisation', roles: ['investor'] }));
    index.upsert(features({ id: 'fund3', type: 'organisation', roles: ['investor'] }));
    index.upsert(features({ id: 'p', roles: ['project', 'investor'], linkedIds: ['fund2'] }));
    expect(index.top('investors', { type: 'project', id: 'p' }, { limit: 10, viewer: viewer() }).items.map((i) => i.id)).toEqual(['fund3']);
  });

  it('follows upserts and removals like an index built afresh (document frequencies, arena compaction)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(featuresArb(IDS).map((f) => ({ op: 'upsert' as const, f })), fc.constantFrom(...IDS).map((id) => ({ op: 'remove' as const, id }))), { maxLength: 60 }),
        targetArb,
        featuresArb(IDS),
        (ops, target, subject) => {
          const live = new Map<string, MatchFeatures>();
          const index = new MatchIndex(stubThesaurus);
          for (const o of ops) {
            if (o.op === 'upsert') {
              const previous = live.get(o.f.id);
              if (previous && previous.type !== o.f.type) index.remove(previous.type, previous.id);
              live.set(o.f.id, o.f);
              index.upsert(o.f);
            } else {
              const previous = live.get(o.id);
              if (previous) index.remove(previous.type, previous.id);
              live.delete(o.id);
            }
          }
          const fresh = build([...live.values()]);
          expect(index.size).toBe(live.size);
          const a = index.top(target, subject, { limit: 100, viewer: viewer({ isPlatformAdmin: true }) });
          const b = fresh.top(target, subject, { limit: 100, viewer: viewer({ isPlatformAdmin: true }) });
          expect(a.considered).toBe(b.considered);
          expect(new Set(a.items.map((i) => i.id))).toEqual(new Set(b.items.map((i) => i.id)));
          for (const item of a.items) expect(item.score.score).toBeCloseTo(b.items.find((x) => x.id === item.id)!.score.score, 12);
          for (const r of live.values()) expect(normal(index.get(r.type, r.id)!)).toEqual(normal({ ...r, text: '' }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('compacts its arena after many replacements without changing any result', () => {
    const index = new MatchIndex();
    const subject = features({ id: 's', tokens: ['t1', 't2', 't3'], segments: ['ivd'] });
    const last = new Map<string, MatchFeatures>();
    for (let round = 0; round < 400; round++) {
      for (const id of ['a', 'b', 'c']) {
        const f = features({ id, type: 'organisation', roles: ['investor'], segments: [round % 2 ? 'ivd' : 'medical_device'], tokens: Array.from({ length: 60 }, (_, k) => `t${(k * 7 + round + id.charCodeAt(0)) % 90}`) });
        last.set(id, f);
        index.upsert(f);
      }
    }
    const fresh = build([...last.values()]);
    const a = index.top('investors', subject, { limit: 3, viewer: viewer() });
    const b = fresh.top('investors', subject, { limit: 3, viewer: viewer() });
    expect(a.items.map((i) => [i.id, i.score.score])).toEqual(b.items.map((i) => [i.id, i.score.score]));
    expect(index.typedBytes()).toBeLessThan(4_000_000);
  });

  it('keeps what it is given (get) and the concepts it found', () => {
    const index = new MatchIndex(stubThesaurus);
    const f = features({ id: 'x', segments: ['ivd'], text: 'w1 alt4', tokens: ['诊断'], fundingSoughtFen: 100, visibility: { level: 'named', communityIds: ['c'], orgIds: ['o'] } });
    index.upsert(f);
    expect(index.get('project', 'x')).toMatchObject({ segments: ['ivd'], tokens: ['诊断'], fundingSoughtFen: 100, text: '', visibility: f.visibility });
    expect(index.conceptsOf('project', 'x').sort()).toEqual(['c1', 'c4']);
    expect(index.remove('project', 'x')).toBe(true);
    expect(index.get('project', 'x')).toBeUndefined();
    expect(index.remove('project', 'x')).toBe(false);
  });

  it('ranks many subjects at once (the full refresh) as one at a time', () => {
    const index = build([
      features({ id: 'i1', type: 'organisation', roles: ['investor'], segments: ['ivd'] }),
      features({ id: 'i2', type: 'organisation', roles: ['investor'], segments: ['cell_therapy'] }),
      features({ id: 'p1', segments: ['ivd'] }),
      features({ id: 'p2', segments: ['cell_therapy'] }),
    ]);
    const subjects = [
      { type: 'project' as const, id: 'p1' },
      { type: 'project' as const, id: 'p2' },
    ];
    const many = index.topForMany('investors', subjects, 1, () => viewer());
    expect(many.map((r) => r.items[0]!.id)).toEqual(['i1', 'i2']);
  });
});

/** Lists as sets (the index keeps them deduplicated, in its own order). */
function normal(f: MatchFeatures): MatchFeatures {
  const set = (xs: readonly string[]) => [...new Set(xs)].sort();
  return {
    ...f,
    roles: set(f.roles) as MatchFeatures['roles'],
    segments: set(f.segments),
    stages: set(f.stages),
    regions: set(f.regions),
    services: set(f.services),
    milestones: set(f.milestones),
    qualifications: set(f.qualifications),
    tokens: set(f.tokens),
    portfolioSegments: set(f.portfolioSegments),
    portfolioStages: set(f.portfolioStages),
    linkedIds: set(f.linkedIds),
    partnerships: set(f.partnerships),
    visibility: { ...f.visibility, communityIds: set(f.visibility.communityIds), orgIds: set(f.visibility.orgIds) },
  };
}

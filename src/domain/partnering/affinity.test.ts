import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affinity, AFFINITY_WEIGHTS, sidesComplement, textTokens, type AffinityParty } from './affinity';
import { PARTNERING_SIDES } from './vocabularies';

const party = (fields: Partial<AffinityParty> = {}): AffinityParty => ({
  side: 'other',
  segments: [],
  stages: [],
  offer: '',
  seek: '',
  thesisSegments: [],
  thesisStages: [],
  ticketMinFen: null,
  ticketMaxFen: null,
  fundingSoughtFen: [],
  ...fields,
});

const codes = fc.constantFrom('innovative_drug', 'medical_device', 'ivd', 'cgt', 'biologics', 'digital_health', 'cro', 'cdmo');
const stageCodes = fc.constantFrom('preclinical', 'phase1', 'phase2', 'phase3', 'nda', 'approved', 'prototype');
const partyArb: fc.Arbitrary<AffinityParty> = fc.record({
  side: fc.constantFrom(...PARTNERING_SIDES),
  segments: fc.uniqueArray(codes, { maxLength: 5 }),
  stages: fc.uniqueArray(stageCodes, { maxLength: 4 }),
  offer: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('ADC 平台授权', '临床资源 CRO 服务', 'Series A funding')),
  seek: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('寻找 ADC 授权', '临床资源', 'funding partner')),
  thesisSegments: fc.uniqueArray(codes, { maxLength: 4 }),
  thesisStages: fc.uniqueArray(stageCodes, { maxLength: 3 }),
  ticketMinFen: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }),
  ticketMaxFen: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }),
  fundingSoughtFen: fc.array(fc.integer({ min: 1, max: 10_000_000_000 }), { maxLength: 3 }),
});

describe('affinity', () => {
  it('scores nothing shared as 0 with no reasons', () => {
    expect(affinity(party(), party())).toEqual({ score: 0, reasons: [] });
  });

  it('names shared segments, stages and the investor thesis as reasons', () => {
    const startup = party({ side: 'startup', segments: ['innovative_drug', 'cgt'], stages: ['phase1'], fundingSoughtFen: [5_000_000_000] });
    const investor = party({
      side: 'investor',
      segments: ['innovative_drug'],
      thesisSegments: ['cgt', 'innovative_drug'],
      thesisStages: ['phase1', 'phase2'],
      ticketMinFen: 1_000_000_000,
      ticketMaxFen: 10_000_000_000,
    });
    const { score, reasons } = affinity(startup, investor);
    expect(reasons).toEqual([
      { code: 'segment', terms: ['innovative_drug'] },
      { code: 'thesis_segment', terms: ['cgt', 'innovative_drug'] },
      { code: 'thesis_stage', terms: ['phase1'] },
      { code: 'ticket_fits', terms: [] },
      { code: 'side_pair', terms: [] },
    ]);
    const expected = AFFINITY_WEIGHTS.segment * 0.5 + AFFINITY_WEIGHTS.thesis_segment * 0.75 + AFFINITY_WEIGHTS.thesis_stage * 0.5 + AFFINITY_WEIGHTS.ticket_fits + AFFINITY_WEIGHTS.side_pair;
    expect(score).toBeCloseTo(expected, 2);
    // The investor sees the startup with the same score.
    expect(affinity(investor, startup).score).toBe(score);
  });

  it('does not count a ticket range that excludes the funding sought', () => {
    const startup = party({ fundingSoughtFen: [100] });
    expect(affinity(startup, party({ ticketMinFen: 1000, ticketMaxFen: 2000 })).reasons).toEqual([]);
    expect(affinity(startup, party({ ticketMinFen: 50, ticketMaxFen: null })).reasons).toEqual([{ code: 'ticket_fits', terms: [] }]);
  });

  it('finds words of one side\'s seek in the other side\'s offer, in Chinese and English', () => {
    const a = party({ seek: '寻找ADC平台授权合作' });
    const b = party({ offer: '我们提供 ADC 平台授权' });
    const reason = affinity(a, b).reasons.find((r) => r.code === 'seek_offer_text');
    expect(reason?.terms).toEqual(expect.arrayContaining(['adc', '平台', '授权']));
    expect(textTokens('Clinical CRO 服务')).toEqual(new Set(['clinical', 'cro', '服务']));
  });

  it('knows which sides have business together, in either order', () => {
    expect(sidesComplement('startup', 'investor')).toBe(true);
    expect(sidesComplement('investor', 'startup')).toBe(true);
    expect(sidesComplement('investor', 'investor')).toBe(false);
  });

  it('stays within 0..1 and is symmetric', () => {
    fc.assert(
      fc.property(partyArb, partyArb, (a, b) => {
        const ab = affinity(a, b);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        expect(affinity(b, a).score).toBe(ab.score);
      }),
    );
  });

  it('never lowers the score when the two share more segments or stages', () => {
    fc.assert(
      fc.property(partyArb, partyArb, codes, stageCodes, fc.boolean(), (a, b, segment, stage, addStage) => {
        const before = affinity(a, b).score;
        const more = addStage
          ? { a: { ...a, stages: [...new Set([...a.stages, stage])] }, b: { ...b, stages: [...new Set([...b.stages, stage])] } }
          : { a: { ...a, segments: [...new Set([...a.segments, segment])] }, b: { ...b, segments: [...new Set([...b.segments, segment])] } };
        expect(affinity(more.a, more.b).score).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('strictly raises the score when a first shared segment appears', () => {
    fc.assert(
      fc.property(partyArb, partyArb, codes, (a, b, segment) => {
        const a0 = { ...a, segments: a.segments.filter((s) => s !== segment) };
        const b0 = { ...b, segments: b.segments.filter((s) => !a0.segments.includes(s) && s !== segment) };
        const before = affinity(a0, b0).score;
        const after = affinity({ ...a0, segments: [...a0.segments, segment] }, { ...b0, segments: [...b0.segments, segment] }).score;
        expect(after).toBeGreaterThan(before);
      }),
    );
  });
});

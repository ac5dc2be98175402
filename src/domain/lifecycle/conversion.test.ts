import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeConversion, periodOf, periodsBetween, type ConversionEvent } from './conversion';
import { PIPELINE_TEMPLATES } from './pipeline-templates';
import { LOSS_REASONS } from './vocabularies';

const DAY = 86_400_000;
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);
const ev = (itemId: string, kind: ConversionEvent['kind'], day: string, to: string | null, extra: Partial<ConversionEvent> = {}): ConversionEvent => ({
  itemId,
  kind,
  fromStageId: null,
  toStageId: to,
  lostReason: null,
  day,
  atMs: at(day),
  ...extra,
});

describe('periods', () => {
  it('names months, quarters and years', () => {
    expect([periodOf('2026-03-31', 'month'), periodOf('2026-03-31', 'quarter'), periodOf('2026-10-01', 'quarter'), periodOf('2026-12-31', 'year')]).toEqual([
      '2026-03',
      '2026-Q1',
      '2026-Q4',
      '2026',
    ]);
  });
  it('lists every period between two dates, across years', () => {
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-08-15', '2026-02-01', 'quarter')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodsBetween('2024-08-15', '2026-02-01', 'year')).toEqual(['2024', '2025', '2026']);
    expect(periodsBetween('2026-02-01', '2025-02-01', 'year')).toEqual([]);
  });
});

describe('conversion', () => {
  const stages = ['lead', 'contacted', 'visit', 'signed'];

  it('counts entries, moves on and losses of each stay, in the period the stay began', () => {
    const events = [
      ev('a', 'created', '2026-01-05', 'lead'),
      ev('a', 'advance', '2026-01-15', 'contacted', { fromStageId: 'lead' }),
      ev('a', 'skip', '2026-02-10', 'signed', { fromStageId: 'contacted' }),
      ev('b', 'created', '2026-01-20', 'lead'),
      ev('b', 'lost', '2026-02-01', null, { fromStageId: 'lead', lostReason: 'funding_failed' }),
      ev('c', 'created', '2026-02-03', 'lead'),
      ev('c', 'advance', '2026-02-04', 'contacted', { fromStageId: 'lead' }),
      ev('c', 'rollback', '2026-02-08', 'lead', { fromStageId: 'contacted' }),
    ];
    const r = computeConversion({ stageIds: stages, events, period: 'month' });
    expect(r.periods.map((p) => p.period)).toEqual(['2026-01', '2026-02']);
    const jan = r.periods[0]!.stages;
    expect(jan[0]).toEqual({ stageId: 'lead', entered: 2, movedOn: 1, lost: 1, lostByReason: { funding_failed: 1 }, conversionRate: 0.5, medianDays: 10 });
    expect(jan[1]).toMatchObject({ stageId: 'contacted', entered: 1, movedOn: 1, conversionRate: 1, medianDays: 26 });
    const feb = r.periods[1]!.stages;
    // c: lead (moved on after one day), contacted (moved back: neither moved on nor lost), lead again (still there).
    expect(feb[0]).toMatchObject({ entered: 2, movedOn: 1, lost: 0, medianDays: 1 });
    expect(feb[1]).toMatchObject({ entered: 1, movedOn: 0, lost: 0, conversionRate: 0, medianDays: null });
    expect(feb[3]).toMatchObject({ stageId: 'signed', entered: 1, movedOn: 0 });
    expect(r.totals[0]).toMatchObject({ entered: 4, movedOn: 2, lost: 1, conversionRate: 0.5, medianDays: 5.5 });
    expect(r.totals[2]).toEqual({ stageId: 'visit', entered: 0, movedOn: 0, lost: 0, lostByReason: {}, conversionRate: null, medianDays: null });
  });

  it('counts a reopened item as entering its stage again, and bounds stays by from and to', () => {
    const events = [
      ev('a', 'created', '2026-01-05', 'lead'),
      ev('a', 'lost', '2026-01-06', null, { fromStageId: 'lead', lostReason: 'no_response' }),
      ev('a', 'reopened', '2026-03-01', 'lead'),
      ev('a', 'advance', '2026-03-03', 'contacted', { fromStageId: 'lead' }),
    ];
    const all = computeConversion({ stageIds: stages, events, period: 'quarter' });
    expect(all.totals[0]).toMatchObject({ entered: 2, movedOn: 1, lost: 1, lostByReason: { no_response: 1 } });
    const march = computeConversion({ stageIds: stages, events, period: 'month', from: '2026-02-01', to: '2026-03-31' });
    expect(march.periods.map((p) => p.period)).toEqual(['2026-02', '2026-03']);
    expect(march.totals[0]).toMatchObject({ entered: 1, movedOn: 1, lost: 0 });
  });

  it('leaves out stays in stages no longer listed, and lists no period without data or bounds', () => {
    const r = computeConversion({ stageIds: ['lead'], events: [ev('a', 'created', '2026-01-05', 'gone')], period: 'month' });
    expect(r.totals[0]!.entered).toBe(0);
    expect(computeConversion({ stageIds: ['lead'], events: [], period: 'month' }).periods).toEqual([]);
  });

  const stageIds = PIPELINE_TEMPLATES.attraction.map((s) => s.code);
  const history = fc.array(
    fc.record({
      start: fc.integer({ min: 0, max: 700 }),
      stage: fc.integer({ min: 0, max: stageIds.length - 1 }),
      steps: fc.array(
        fc.record({
          gap: fc.integer({ min: 0, max: 90 }),
          what: fc.constantFrom('move', 'lose', 'reopen'),
          to: fc.integer({ min: 0, max: stageIds.length - 1 }),
          reason: fc.constantFrom(...LOSS_REASONS),
        }),
        { maxLength: 8 },
      ),
    }),
    { maxLength: 30 },
  );

  type History = typeof history extends fc.Arbitrary<infer T> ? T : never;
  function toEvents(items: History): ConversionEvent[] {
    const out: ConversionEvent[] = [];
    const base = Date.parse('2025-01-01T00:00:00Z');
    items.forEach((item, n) => {
      const id = `item${n}`;
      let ms = base + item.start * DAY;
      let stage = item.stage;
      let lost = false;
      const day = () => new Date(ms).toISOString().slice(0, 10);
      out.push({ itemId: id, kind: 'created', fromStageId: null, toStageId: stageIds[stage]!, lostReason: null, day: day(), atMs: ms });
      for (const s of item.steps) {
        ms += s.gap * DAY + 1;
        if (s.what === 'lose' && !lost) {
          lost = true;
          out.push({ itemId: id, kind: 'lost', fromStageId: stageIds[stage]!, toStageId: null, lostReason: s.reason, day: day(), atMs: ms });
        } else if (s.what === 'reopen' && lost) {
          lost = false;
          out.push({ itemId: id, kind: 'reopened', fromStageId: null, toStageId: stageIds[stage]!, lostReason: null, day: day(), atMs: ms });
        } else if (s.what === 'move' && !lost && s.to !== stage) {
          const kind = s.to === stage + 1 ? 'advance' : s.to > stage ? 'skip' : 'rollback';
          out.push({ itemId: id, kind, fromStageId: stageIds[stage]!, toStageId: stageIds[s.to]!, lostReason: null, day: day(), atMs: ms });
          stage = s.to;
        }
      }
    });
    return out;
  }

  it('keeps movedOn + lost ≤ entered, rates in [0, 1], and periods that add up to the totals', () => {
    fc.assert(
      fc.property(history, fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>, (items, period) => {
        const events = toEvents(items);
        const r = computeConversion({ stageIds, events, period });
        for (const rows of [r.totals, ...r.periods.map((p) => p.stages)]) {
          for (const s of rows) {
            expect(s.movedOn + s.lost).toBeLessThanOrEqual(s.entered);
            expect(Object.values(s.lostByReason).reduce((a, b) => a + b, 0)).toBe(s.lost);
            if (s.conversionRate !== null) {
              expect(s.conversionRate).toBeGreaterThanOrEqual(0);
              expect(s.conversionRate).toBeLessThanOrEqual(1);
            } else expect(s.entered).toBe(0);
            if (s.medianDays !== null) expect(s.medianDays).toBeGreaterThanOrEqual(0);
          }
        }
        stageIds.forEach((_, i) => {
          for (const field of ['entered', 'movedOn', 'lost'] as const) {
            expect(r.periods.reduce((sum, p) => sum + p.stages[i]![field], 0)).toBe(r.totals[i]![field]);
          }
        });
        // Every item enters once at creation, once per move and once per reopening.
        const entries = events.filter((e) => e.kind !== 'lost').length;
        expect(r.totals.reduce((sum, s) => sum + s.entered, 0)).toBe(entries);
        expect(r.totals.reduce((sum, s) => sum + s.lost, 0)).toBe(events.filter((e) => e.kind === 'lost').length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('templates', () => {
  it('gives the 招商 pipeline its eight stages with rising probabilities and the agreement and landing actions', () => {
    const t = PIPELINE_TEMPLATES.attraction;
    expect(t.map((s) => `${s.code}:${s.probability}:${s.action}`)).toEqual([
      'lead:10:none',
      'contacted:20:none',
      'site_visit:35:none',
      'negotiation:50:none',
      'agreement_signed:70:agreement',
      'registered:85:none',
      'moved_in:95:landing',
      'producing:100:none',
    ]);
    for (const kind of Object.keys(PIPELINE_TEMPLATES) as (keyof typeof PIPELINE_TEMPLATES)[]) {
      const stages = PIPELINE_TEMPLATES[kind];
      expect(new Set(stages.map((s) => s.code)).size).toBe(stages.length);
      for (let i = 1; i < stages.length; i++) expect(stages[i]!.probability).toBeGreaterThan(stages[i - 1]!.probability);
      for (const s of stages) expect(s.code).toMatch(/^[a-z0-9][a-z0-9_]{0,62}$/);
    }
  });
});

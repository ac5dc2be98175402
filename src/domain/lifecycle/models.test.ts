import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardOf, daysBetween, daysInStage, median, modelFor, moveIn, stageInModel, stageStats, todayIn, type ModelShape } from './models';

const MODELS: ModelShape[] = [
  { code: 'drug', track: 'drug', deviceClass: null, stages: ['research', 'preclinical', 'phase_1'] },
  { code: 'device', track: 'device', deviceClass: null, stages: ['device_design', 'device_filing', 'device_clinical', 'device_registration'] },
  { code: 'device_i', track: 'device', deviceClass: 'I', stages: ['device_design', 'device_filing'] },
  { code: 'device_ii', track: 'device', deviceClass: 'II', stages: ['device_design', 'device_clinical', 'device_registration'] },
  { code: 'ivd', track: 'ivd', deviceClass: null, stages: ['ivd_development'] },
];

describe('modelFor', () => {
  it('picks the model of the track, and for devices of the class', () => {
    expect(modelFor(MODELS, 'drug', null)?.code).toBe('drug');
    expect(modelFor(MODELS, 'device', 'I')?.code).toBe('device_i');
    expect(modelFor(MODELS, 'device', 'II')?.code).toBe('device_ii');
    expect(modelFor(MODELS, 'ivd', undefined)?.code).toBe('ivd');
  });

  it('gives a device without a class (or a class with no model) the general device model', () => {
    expect(modelFor(MODELS, 'device', null)?.code).toBe('device');
    expect(modelFor(MODELS, 'device', 'III')?.code).toBe('device');
  });

  it('has no model for a track without one', () => {
    expect(modelFor(MODELS, 'cgt', null)).toBeUndefined();
  });
});

describe('stages of a model', () => {
  it('accepts exactly the stages of the model', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS), fc.constantFrom(...MODELS.flatMap((m) => m.stages), 'nonsense'), (model, stage) => {
        expect(stageInModel(model, stage)).toBe(model.stages.includes(stage));
      }),
    );
    // A class I device is filed, so it never goes through clinical evaluation.
    expect(stageInModel(modelFor(MODELS, 'device', 'I')!, 'device_clinical')).toBe(false);
    expect(stageInModel(modelFor(MODELS, 'device', 'II')!, 'device_filing')).toBe(false);
  });

  it('rejects moves to stages of another model', () => {
    const classI = modelFor(MODELS, 'device', 'I')!;
    expect(moveIn(classI, 'device_design', 'device_clinical')).toEqual({ ok: false, problem: 'unknown_stage' });
    expect(moveIn(classI, 'device_design', 'device_filing')).toEqual({ ok: true, kind: 'advance', skipped: [] });
    const general = modelFor(MODELS, 'device', null)!;
    expect(moveIn(general, 'device_design', 'device_clinical')).toEqual({ ok: true, kind: 'skip', skipped: ['device_filing'] });
    expect(moveIn(general, 'device_registration', 'device_design')).toEqual({ ok: true, kind: 'rollback', skipped: [] });
    expect(moveIn(general, 'device_design', 'device_design')).toEqual({ ok: false, problem: 'same_stage' });
  });
});

describe('days in stage', () => {
  const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('counts whole days, across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysInStage('2026-01-10', '2026-01-10')).toBe(0);
    expect(daysInStage('2026-01-10', '2026-01-01')).toBe(0);
  });

  it('is additive and antisymmetric', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (a, b, c) => {
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
        expect(daysBetween(a, b) + daysBetween(b, a)).toBe(0);
        expect(daysInStage(a, b)).toBe(Math.max(0, daysBetween(a, b)));
      }),
    );
  });

  it("reads today in the community's time zone", () => {
    const now = new Date('2026-03-01T17:30:00Z');
    expect(todayIn('Asia/Shanghai', now)).toBe('2026-03-02');
    expect(todayIn('UTC', now)).toBe('2026-03-01');
  });
});

describe('board aggregation', () => {
  it('computes count, median and max', () => {
    expect(stageStats([])).toEqual({ count: 0, medianDays: null, maxDays: null });
    expect(stageStats([5, 1, 9])).toEqual({ count: 3, medianDays: 5, maxDays: 9 });
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('puts every project in exactly one stage of its model, every stage shown', () => {
    const entry = fc.constantFrom(...MODELS).chain((m) => fc.record({ modelCode: fc.constant(m.code), stage: fc.constantFrom(...m.stages), days: fc.nat(4000) }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const board = boardOf(MODELS, entries);
        expect(board.map((b) => b.model.code)).toEqual(MODELS.map((m) => m.code));
        for (const row of board) expect(row.stages.map((s) => s.stage)).toEqual(row.model.stages);
        const total = board.reduce((n, row) => n + row.stages.reduce((k, s) => k + s.count, 0), 0);
        expect(total).toBe(entries.length);
        for (const row of board) for (const s of row.stages) if (s.count) expect(s.maxDays).toBeGreaterThanOrEqual(s.medianDays!);
      }),
    );
  });
});

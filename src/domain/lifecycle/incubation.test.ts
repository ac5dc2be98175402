import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyIncubationChange, nextStatuses, normaliseStockCode, transitionKind, validateState, type IncubationState } from './incubation';
import { INCUBATION_STATUSES, type IncubationStatus } from './vocabularies';

const admitted: IncubationState = {
  status: 'admitted',
  batch: '2024 第一批',
  admittedOn: '2024-03-01',
  graduatedOn: null,
  listedOn: null,
  stockCode: null,
  exitedOn: null,
  exitReason: '',
};
const graduated: IncubationState = { ...admitted, status: 'graduated', graduatedOn: '2025-06-30' };
const listed: IncubationState = { ...graduated, status: 'listed', listedOn: '2026-01-15', stockCode: '688999.SH' };
const staff = { mayCorrect: false };
const admin = { mayCorrect: true, reason: '误操作' };

describe('transitionKind', () => {
  it('allows exactly the forward moves of the rules', () => {
    const forward = INCUBATION_STATUSES.flatMap((from) => INCUBATION_STATUSES.filter((to) => transitionKind(from, to) === 'forward').map((to) => `${from}>${to}`));
    expect(forward).toEqual(['admitted>graduated', 'admitted>exited', 'graduated>listed', 'graduated>exited', 'listed>exited']);
  });

  it('calls every move back a correction and admitted → listed not allowed', () => {
    expect(transitionKind('graduated', 'admitted')).toBe('correction');
    expect(transitionKind('listed', 'graduated')).toBe('correction');
    expect(transitionKind('listed', 'admitted')).toBe('correction');
    expect(transitionKind('exited', 'admitted')).toBe('correction');
    expect(transitionKind('exited', 'listed')).toBe('correction');
    expect(transitionKind('admitted', 'listed')).toBe('not_allowed');
    expect(transitionKind('listed', 'listed')).toBe('same');
    expect(nextStatuses('exited')).toEqual([]);
  });

  it('never lets a forward move and its reverse both be forward (property)', () => {
    const status = fc.constantFrom(...INCUBATION_STATUSES);
    fc.assert(
      fc.property(status, status, (a, b) => {
        const ab = transitionKind(a, b);
        const ba = transitionKind(b, a);
        if (a === b) return ab === 'same';
        return !(ab === 'forward' && ba === 'forward') && (ab !== 'forward' || ba === 'correction');
      }),
    );
  });
});

describe('applyIncubationChange', () => {
  it('graduates with a date, and names the missing date otherwise', () => {
    const ok = applyIncubationChange(admitted, { status: 'graduated', graduatedOn: '2025-06-30' }, staff);
    expect(ok).toEqual({ ok: true, kind: 'forward', next: graduated });
    expect(applyIncubationChange(admitted, { status: 'graduated' }, staff)).toEqual({ ok: false, problem: 'invalid', fields: { graduatedOn: 'incubation_date_required' } });
  });

  it('lists with a date and a stock code (normalised), and names both when missing', () => {
    const ok = applyIncubationChange(graduated, { status: 'listed', listedOn: '2026-01-15', stockCode: ' 688999.sh ' }, staff);
    expect(ok.ok && ok.next).toEqual(listed);
    expect(applyIncubationChange(graduated, { status: 'listed' }, staff)).toEqual({
      ok: false,
      problem: 'invalid',
      fields: { listedOn: 'incubation_date_required', stockCode: 'incubation_stock_code_required' },
    });
    expect(applyIncubationChange(graduated, { status: 'listed', listedOn: '2026-01-15', stockCode: '688-999' }, staff)).toEqual({
      ok: false,
      problem: 'invalid',
      fields: { stockCode: 'incubation_stock_code_invalid' },
    });
  });

  it('refuses dates that run backwards', () => {
    expect(applyIncubationChange(admitted, { status: 'graduated', graduatedOn: '2024-02-01' }, staff)).toEqual({
      ok: false,
      problem: 'invalid',
      fields: { graduatedOn: 'incubation_date_before_admitted' },
    });
    expect(applyIncubationChange(listed, { status: 'exited', exitedOn: '2025-12-31' }, staff)).toEqual({
      ok: false,
      problem: 'invalid',
      fields: { exitedOn: 'incubation_date_before_previous' },
    });
  });

  it('keeps the listing on record when a listed company exits', () => {
    const r = applyIncubationChange(listed, { status: 'exited', exitedOn: '2026-05-01', exitReason: '迁往总部' }, staff);
    expect(r).toEqual({ ok: true, kind: 'forward', next: { ...listed, status: 'exited', exitedOn: '2026-05-01', exitReason: '迁往总部' } });
  });

  it('refuses admitted → listed and anything out of exited without a correction', () => {
    expect(applyIncubationChange(admitted, { status: 'listed', graduatedOn: '2025-01-01', listedOn: '2025-02-01', stockCode: '688999' }, staff)).toEqual({
      ok: false,
      problem: 'not_allowed',
      fields: { status: 'incubation_transition_not_allowed' },
    });
    const exited = { ...admitted, status: 'exited' as const, exitedOn: '2024-09-01' };
    expect(applyIncubationChange(exited, { status: 'admitted' }, staff)).toEqual({ ok: false, problem: 'forbidden', fields: { status: 'incubation_correction_admins_only' } });
  });

  it('lets admins correct backwards with a reason, clearing the undone dates', () => {
    expect(applyIncubationChange(listed, { status: 'graduated' }, { mayCorrect: true })).toEqual({
      ok: false,
      problem: 'invalid',
      fields: { reason: 'incubation_correction_reason_required' },
    });
    expect(applyIncubationChange(listed, { status: 'graduated' }, admin)).toEqual({ ok: true, kind: 'correction', next: graduated });
    expect(applyIncubationChange(listed, { status: 'admitted' }, admin)).toEqual({ ok: true, kind: 'correction', next: admitted });
    const exited = { ...graduated, status: 'exited' as const, exitedOn: '2025-09-01', exitReason: '经营不善' };
    expect(applyIncubationChange(exited, { status: 'graduated' }, admin)).toEqual({ ok: true, kind: 'correction', next: graduated });
    // Back to listed out of exited needs the listing it had.
    expect(applyIncubationChange(exited, { status: 'listed' }, admin)).toEqual({
      ok: false,
      problem: 'invalid',
      fields: { listedOn: 'incubation_date_required', stockCode: 'incubation_stock_code_required' },
    });
  });

  it('refuses dates of statuses not reached', () => {
    expect(applyIncubationChange(admitted, { listedOn: '2026-01-01' }, staff)).toEqual({
      ok: false,
      problem: 'invalid',
      fields: { listedOn: 'incubation_date_not_reached', stockCode: 'incubation_stock_code_required', graduatedOn: 'incubation_date_required' },
    });
    expect(applyIncubationChange(graduated, { exitedOn: '2026-01-01' }, staff)).toEqual({ ok: false, problem: 'invalid', fields: { exitedOn: 'incubation_date_not_reached' } });
  });

  // ---------------------------------------------------------------- properties

  const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const status = fc.constantFrom<IncubationStatus>(...INCUBATION_STATUSES);
  const change = fc.record(
    {
      status,
      graduatedOn: fc.option(day),
      listedOn: fc.option(day),
      stockCode: fc.option(fc.constantFrom('688999.SH', '2142.HK', 'LEGN', 'bad code!')),
      exitedOn: fc.option(day),
      admittedOn: day,
    },
    { requiredKeys: [] },
  );
  /** Valid states reached from an admission by a random walk of changes. */
  const walk = fc.tuple(day, fc.array(fc.tuple(change, fc.boolean()), { maxLength: 12 })).map(([admittedOn, steps]) => {
    let s: IncubationState = { ...admitted, admittedOn };
    const trail: { from: IncubationState; to: IncubationState; kind: string; admin: boolean }[] = [];
    for (const [c, isAdmin] of steps) {
      const r = applyIncubationChange(s, c, isAdmin ? admin : staff);
      if (r.ok) {
        trail.push({ from: s, to: r.next, kind: r.kind, admin: isAdmin });
        s = r.next;
      }
    }
    return trail;
  });

  it('only ever produces states that pass every check (property)', () => {
    fc.assert(
      fc.property(walk, (trail) => trail.every((step) => Object.keys(validateState(step.to)).length === 0)),
      { numRuns: 500 },
    );
  });

  it('moves forward only along the allowed moves, and back only as an admin correction (property)', () => {
    fc.assert(
      fc.property(walk, (trail) =>
        trail.every((step) => {
          const kind = transitionKind(step.from.status, step.to.status);
          if (kind === 'forward') return step.kind === 'forward' && nextStatuses(step.from.status).includes(step.to.status);
          if (kind === 'correction') return step.kind === 'correction' && step.admin;
          return kind === 'same' && step.kind === 'same';
        }),
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a stock code exactly when the record holds a listing date (property)', () => {
    fc.assert(
      fc.property(walk, (trail) => trail.every((step) => (step.to.stockCode === null) === (step.to.listedOn === null))),
      { numRuns: 300 },
    );
  });
});

describe('normaliseStockCode', () => {
  it('upper-cases and removes spaces', () => {
    expect(normaliseStockCode(' 688 235.sh')).toBe('688235.SH');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakSummary, countBreaks } from './breaks';
import { parseInstance, type Instance } from './instance';
import { schedule } from './schedule';
import { validateSchedule } from './validate';

const day = (n: number, d = 'd1') => Array.from({ length: n }, (_, i) => ({ id: `${d}s${i + 1}`, day: d, session: i < n / 2 ? 'am' : 'pm' }));
const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}` }));
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}` }));
const run = (inst: Instance) => schedule(inst, { seed: 7, timeLimitMs: 5_000, maxIterations: 20_000 });

describe('break counting', () => {
  const days = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
  it('counts runs of idle slots between meetings on one day', () => {
    expect(countBreaks([], days)).toBe(0);
    expect(countBreaks([3], days)).toBe(0);
    expect(countBreaks([0, 1, 2], days)).toBe(0);
    expect(countBreaks([0, 1, 4], days)).toBe(1);
    expect(countBreaks([4, 0, 2], days)).toBe(2);
    expect(countBreaks([0, 5], days)).toBe(1);
  });
  it('never counts across days', () => {
    expect(countBreaks([5, 6], days)).toBe(0);
    expect(countBreaks([2, 8], days)).toBe(0);
    expect(countBreaks([0, 2, 7, 9], days)).toBe(2);
  });
  it('sums, and the spread is the largest minus the smallest count', () => {
    const s = breakSummary([[0, 2, 4], [0, 1], [], [6, 9]], days);
    expect(s.perParticipant).toEqual([2, 0, 0, 1]);
    expect(s.total).toBe(3);
    expect(s.spread).toBe(2);
  });
});

describe('instance format', () => {
  const base: Instance = { slots: day(4), locations: tables(2), participants: people(3), meetings: [{ id: 'm1', participants: ['p1', 'p2'] }] };
  it('accepts a good instance', () => {
    expect(parseInstance(base).ok).toBe(true);
  });
  it('names every broken reference with its path', () => {
    const bad = {
      ...base,
      slots: [...base.slots, { id: 'x1', day: 'd2' }, { id: 'x2', day: 'd1' }],
      participants: [...base.participants, { id: 'p1' }],
      meetings: [
        { id: 'm1', participants: ['p1', 'p9'], fixedSlot: 'nope', session: 'night', predecessors: ['m7'] },
        { id: 'm2', participants: ['p2', 'p2'] },
      ],
    };
    const r = parseInstance(bad);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['participants[3].id', 'slots[5].day', 'meetings[0].participants[1]', 'meetings[0].fixedSlot', 'meetings[0].session', 'meetings[0].predecessors[0]', 'meetings[1].participants']),
    );
  });
  it('rejects schema errors and precedence cycles', () => {
    const r = parseInstance({ slots: [], locations: [], participants: [], meetings: [{ id: 'm', participants: ['a'] }] });
    expect(r.ok).toBe(false);
    const cyc = parseInstance({ ...base, meetings: [{ id: 'a', participants: ['p1', 'p2'], predecessors: ['b'] }, { id: 'b', participants: ['p1', 'p3'], predecessors: ['a'] }] });
    expect(cyc.ok ? [] : cyc.problems.map((p) => p.message).join()).toMatch(/cycle/);
  });
});

describe('validateSchedule', () => {
  const inst: Instance = {
    slots: day(3),
    locations: [...tables(1), { id: 'B1', owner: 'p3' }],
    participants: [{ id: 'p1', forbiddenSlots: ['d1s3'], maxMeetings: 1 }, { id: 'p2' }, { id: 'p3' }],
    meetings: [
      { id: 'm1', participants: ['p1', 'p2'] },
      { id: 'm2', participants: ['p2', 'p3'], predecessors: ['m1'] },
      { id: 'm3', participants: ['p1', 'p3'], fixedSlot: 'd1s1' },
    ],
  };
  it('finds every broken rule', () => {
    const rules = (a: { meeting: string; slot: string; location: string }[]) => validateSchedule(inst, { assignments: a, unscheduled: [] }).map((v) => v.rule);
    expect(rules([{ meeting: 'm1', slot: 'd1s3', location: 'T1' }, { meeting: 'm2', slot: 'd1s3', location: 'T1' }, { meeting: 'm3', slot: 'd1s2', location: 'B1' }])).toEqual(
      expect.arrayContaining(['forbidden_slot', 'participant_double_booked', 'location_double_booked', 'precedence', 'fixed_slot', 'max_meetings']),
    );
    expect(rules([{ meeting: 'm1', slot: 'd1s1', location: 'B1' }])).toEqual(expect.arrayContaining(['booth_not_owner', 'meeting_missing']));
    expect(rules([{ meeting: 'm9', slot: 'd1s1', location: 'T1' }])).toContain('unknown_meeting');
  });
  it('accepts a correct schedule and checks the reported totals', () => {
    const ok = {
      assignments: [{ meeting: 'm3', slot: 'd1s1', location: 'T1' }],
      unscheduled: [
        { meeting: 'm1', reason: 'max_meetings' as const },
        { meeting: 'm2', reason: 'predecessor_unscheduled' as const },
      ],
    };
    expect(validateSchedule(inst, { ...ok, breaks: 0, breakSpread: 0, scheduledWeight: 1 })).toEqual([]);
    expect(validateSchedule(inst, { ...ok, breaks: 1 }).map((v) => v.rule)).toEqual(['wrong_totals']);
    // m2 needs m1 scheduled before it.
    const m2 = { assignments: [...ok.assignments, { meeting: 'm2', slot: 'd1s3', location: 'B1' }], unscheduled: ok.unscheduled.slice(0, 1) };
    expect(validateSchedule(inst, m2).map((v) => v.rule)).toEqual(['precedence']);
  });
});

describe('scheduler', () => {
  it('places a feasible instance without breaks and proves it', () => {
    const inst: Instance = {
      slots: day(4),
      locations: tables(2),
      participants: people(4),
      meetings: [
        { id: 'a', participants: ['p1', 'p2'] },
        { id: 'b', participants: ['p1', 'p3'] },
        { id: 'c', participants: ['p1', 'p4'] },
        { id: 'd', participants: ['p2', 'p3'] },
        { id: 'e', participants: ['p3', 'p4'] },
      ],
    };
    const r = run(inst);
    expect(validateSchedule(inst, r)).toEqual([]);
    expect(r.unscheduled).toEqual([]);
    expect(r.breaks).toBe(0);
    expect(r.optimal).toEqual({ weight: true, breaks: true });
    expect(r.bound.weight.proof).toBe('all_scheduled');
  });

  it('honours fixed slots, sessions, booths and precedences', () => {
    const inst: Instance = {
      slots: day(6),
      locations: [...tables(1), { id: 'Booth', owner: 'p1' }],
      participants: people(4),
      meetings: [
        { id: 'f', participants: ['p2', 'p3'], fixedSlot: 'd1s5' },
        { id: 'pm', participants: ['p3', 'p4'], session: 'pm' },
        { id: 'first', participants: ['p1', 'p2'] },
        { id: 'then', participants: ['p1', 'p3'], predecessors: ['first'] },
        { id: 'last', participants: ['p1', 'p4'], predecessors: ['then'] },
      ],
    };
    const r = run(inst);
    expect(validateSchedule(inst, r)).toEqual([]);
    const at = new Map(r.assignments.map((a) => [a.meeting, a]));
    expect(at.get('f')?.slot).toBe('d1s5');
    expect(['d1s4', 'd1s5', 'd1s6']).toContain(at.get('pm')?.slot);
    const idx = (m: string) => inst.slots.findIndex((s) => s.id === at.get(m)!.slot);
    expect(idx('first')).toBeLessThan(idx('then'));
    expect(idx('then')).toBeLessThan(idx('last'));
    expect(at.get('first')?.location).toBe('Booth');
  });

  it('reports the rule that stopped each meeting', () => {
    const inst: Instance = {
      slots: day(2),
      locations: tables(1),
      participants: [{ id: 'p1', forbiddenSlots: ['d1s1'] }, { id: 'p2', maxMeetings: 0 }, { id: 'p3' }, { id: 'p4' }, { id: 'p5', maxMeetings: 1 }],
      meetings: [
        { id: 'forbidden', participants: ['p1', 'p3'], fixedSlot: 'd1s1' },
        { id: 'zero', participants: ['p2', 'p3'] },
        { id: 'after', participants: ['p3', 'p4'], predecessors: ['zero'] },
        { id: 'w1', participants: ['p4', 'p5'], weight: 10 },
        { id: 'w2', participants: ['p3', 'p5'], weight: 1 },
        { id: 'x1', participants: ['p1', 'p4'], weight: 5 },
        { id: 'x2', participants: ['p3', 'p4'], weight: 1 },
      ],
    };
    const r = run(inst);
    expect(validateSchedule(inst, r)).toEqual([]);
    const why = Object.fromEntries(r.unscheduled.map((u) => [u.meeting, u.reason]));
    expect(why.forbidden).toBe('fixed_slot_forbidden');
    expect(why.zero).toBe('max_meetings_zero');
    expect(why.after).toBe('predecessor_unscheduled');
    expect(why.w2).toBe('max_meetings');
    expect(r.unscheduled.find((u) => u.meeting === 'w2')?.participant).toBe('p5');
    // one table, two slots: w1 and x1 take them (weight 15); x2 finds them full or its people busy
    expect(r.scheduledWeight).toBe(15);
    expect(['participants_busy', 'locations_full', 'participants_busy_or_locations_full']).toContain(why.x2);
  });

  it('keeps the break spread within the fairness bound when it can', () => {
    // p1 meets p2..p5; p6 meets p7. With d = 0 nobody may have a break.
    const inst: Instance = {
      slots: day(6),
      locations: tables(3),
      participants: people(7),
      meetings: [2, 3, 4, 5].map((k) => ({ id: `m${k}`, participants: ['p1', `p${k}`] as [string, string] })).concat([{ id: 'x', participants: ['p6', 'p7'] }]),
      fairness: 0,
    };
    const r = run(inst);
    expect(validateSchedule(inst, r)).toEqual([]);
    expect(r.breakSpread).toBe(0);
    expect(r.fairness).toEqual({ d: 0, met: true });
  });

  it('keeps meetings fixed to a place exactly there, and one place holds one meeting per slot', () => {
    const inst: Instance = {
      slots: day(4),
      locations: [...tables(3), { id: 'Booth', owner: 'p1', kind: 'booth' }, { id: 'Zoom', kind: 'online', slots: ['d1s3', 'd1s4'] }],
      participants: people(8),
      meetings: [
        { id: 'pub1', participants: ['p1', 'p2'], fixedSlot: 'd1s2', fixedLocation: 'T3' },
        { id: 'pub2', participants: ['p3', 'p4'], fixedSlot: 'd1s2', fixedLocation: 'T3' },
        { id: 'lockB', participants: ['p1', 'p5'], fixedLocation: 'Booth' },
        { id: 'online', participants: ['p6', 'p7'], fixedLocation: 'Zoom' },
        { id: 'online2', participants: ['p2', 'p8'], fixedLocation: 'Zoom' },
        { id: 'early', participants: ['p5', 'p6'], fixedSlot: 'd1s1', fixedLocation: 'Zoom' },
        { id: 'free1', participants: ['p1', 'p3'] },
        { id: 'free2', participants: ['p2', 'p4'] },
      ],
    };
    const r = run(inst);
    expect(validateSchedule(inst, r)).toEqual([]);
    const at = new Map(r.assignments.map((a) => [a.meeting, a]));
    const why = Object.fromEntries(r.unscheduled.map((u) => [u.meeting, u.reason]));
    // Same table, same fixed slot: one of the two is placed, the other says why.
    const placedPub = ['pub1', 'pub2'].filter((m) => at.has(m));
    expect(placedPub).toHaveLength(1);
    expect(at.get(placedPub[0]!)).toMatchObject({ slot: 'd1s2', location: 'T3' });
    expect(why[placedPub[0] === 'pub1' ? 'pub2' : 'pub1']).toBe('fixed_location_taken');
    expect(at.get('lockB')?.location).toBe('Booth');
    // The online room exists in slots 3 and 4 only: both online meetings use it, one per slot.
    expect(at.get('online')?.location).toBe('Zoom');
    expect(at.get('online2')?.location).toBe('Zoom');
    expect(at.get('online')?.slot).not.toBe(at.get('online2')?.slot);
    expect(why.early).toBe('fixed_location_unavailable');
    // Free meetings never take a fixed meeting's table in its slot.
    expect(at.get('free1')?.location === 'T3' && at.get('free1')?.slot === 'd1s2').toBe(false);
  });

  it('rejects a fixed location that is unknown or the booth of someone else', () => {
    const inst = {
      slots: day(2),
      locations: [...tables(1), { id: 'B', owner: 'p3' }],
      participants: people(3),
      meetings: [
        { id: 'a', participants: ['p1', 'p2'], fixedLocation: 'nowhere' },
        { id: 'b', participants: ['p1', 'p2'], fixedLocation: 'B' },
        { id: 'c', participants: ['p1', 'p3'], fixedLocation: 'B' },
      ],
    };
    const r = parseInstance(inst);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['meetings[0].fixedLocation', 'meetings[1].fixedLocation']);
  });

  it('re-running with the published meetings fixed in place moves none of them', () => {
    const inst: Instance = { slots: day(8), locations: tables(4), participants: people(10), meetings: [] };
    for (let a = 1; a <= 10; a++) for (let b = a + 1; b <= 10; b++) if ((a + b) % 3 === 0) inst.meetings.push({ id: `m${a}-${b}`, participants: [`p${a}`, `p${b}`] });
    const first = run(inst);
    expect(validateSchedule(inst, first)).toEqual([]);
    const published = new Map(first.assignments.map((a) => [a.meeting, a]));
    // Late changes: two new meetings; every published meeting fixed where it is.
    const again: Instance = {
      ...inst,
      meetings: [
        ...inst.meetings.map((m) => {
          const a = published.get(m.id);
          return a ? { ...m, fixedSlot: a.slot, fixedLocation: a.location } : m;
        }),
        { id: 'late1', participants: ['p1', 'p4'] },
        { id: 'late2', participants: ['p7', 'p9'] },
      ],
    };
    const second = run(again);
    expect(validateSchedule(again, second)).toEqual([]);
    for (const a of second.assignments) {
      const before = published.get(a.meeting);
      if (before) expect(a).toEqual(before);
    }
    for (const m of published.keys()) expect(second.assignments.some((a) => a.meeting === m)).toBe(true);
  });

  it('is deterministic for a seed and an iteration limit', () => {
    const inst: Instance = { slots: day(8), locations: tables(3), participants: people(8), meetings: [] };
    for (let a = 1; a <= 8; a++) for (let b = a + 1; b <= 8; b++) if ((a * b) % 3) inst.meetings.push({ id: `m${a}-${b}`, participants: [`p${a}`, `p${b}`] });
    const one = run(inst);
    const two = run(inst);
    expect(two.assignments).toEqual(one.assignments);
    expect(validateSchedule(inst, one)).toEqual([]);
  });
});

/** Random instances, feasible or not: 1–2 days, booths, forbidden slots, caps, sessions, fixed slots, precedences, fairness. */
const instanceArb: fc.Arbitrary<Instance> = fc
  .record({
    days: fc.integer({ min: 1, max: 2 }),
    perDay: fc.integer({ min: 1, max: 6 }),
    tables: fc.integer({ min: 0, max: 3 }),
    nP: fc.integer({ min: 2, max: 7 }),
    seedData: fc.array(fc.nat(1_000_000), { minLength: 60, maxLength: 60 }),
    nM: fc.integer({ min: 0, max: 16 }),
    fairness: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  })
  .map(({ days, perDay, tables: nT, nP, seedData, nM, fairness }) => {
    let k = 0;
    const next = (n: number) => seedData[k++ % seedData.length]! % n;
    const slots = Array.from({ length: days }, (_, d) => day(perDay, `d${d + 1}`)).flat();
    const S = slots.length;
    const participants = people(nP).map((p) => ({
      ...p,
      ...(next(3) === 0 ? { forbiddenSlots: [slots[next(S)]!.id] } : {}),
      ...(next(4) === 0 ? { maxMeetings: next(4) } : {}),
    }));
    const locations: Instance['locations'] = tables(nT);
    if (next(2) === 0) locations.push({ id: 'B', owner: `p${next(nP) + 1}`, kind: 'booth', slots: [slots[next(S)]!.id, slots[next(S)]!.id] });
    if (next(3) === 0) locations.push({ id: 'R', slots: [slots[next(S)]!.id] });
    const meetings: Instance['meetings'] = [];
    for (let i = 0; i < nM; i++) {
      const a = next(nP);
      const b = (a + 1 + next(nP - 1)) % nP;
      meetings.push({
        id: `m${i}`,
        participants: [`p${a + 1}`, `p${b + 1}`],
        weight: 1 + next(5),
        ...(next(6) === 0 ? { session: next(2) ? 'am' : 'pm' } : {}),
        ...(next(7) === 0 ? { fixedSlot: slots[next(S)]!.id } : {}),
        ...(i > 0 && next(5) === 0 ? { predecessors: [`m${next(i)}`] } : {}),
      });
    }
    // Fixed places (published or locked meetings): a shared location, or a booth of one of the two.
    for (const m of meetings) {
      if (next(4) !== 0) continue;
      const usable = locations.filter((l) => l.owner === undefined || m.participants.includes(l.owner));
      if (usable.length) m.fixedLocation = usable[next(usable.length)]!.id;
    }
    // Sessions only where some slot has them (one slot per day may be am only).
    const sessions = new Set(slots.map((s) => s.session));
    for (const m of meetings) if (m.session && !sessions.has(m.session)) delete m.session;
    return { slots, locations, participants, meetings, ...(fairness !== undefined ? { fairness } : {}) };
  });

describe('scheduler properties', () => {
  it('every returned schedule obeys every hard rule and reports true totals', () => {
    fc.assert(
      fc.property(instanceArb, fc.nat(1000), (inst, seed) => {
        const parsed = parseInstance(inst);
        expect(parsed.ok).toBe(true);
        const r = schedule(inst, { seed, timeLimitMs: 5_000, maxIterations: 3_000 });
        expect(validateSchedule(inst, r)).toEqual([]);
        expect(r.assignments.length + r.unscheduled.length).toBe(inst.meetings.length);
        expect(r.scheduledMeetings).toBe(r.assignments.length);
        expect(r.scheduledWeight).toBeLessThanOrEqual(r.bound.weight.upper + 1e-9);
        if (r.optimal.breaks) expect(r.breaks).toBe(0);
        // A meeting fixed to a place is exactly there, or unscheduled with a reason.
        const at = new Map(r.assignments.map((a) => [a.meeting, a]));
        const why = new Map(r.unscheduled.map((u) => [u.meeting, u.reason]));
        for (const m of inst.meetings) {
          if (m.fixedLocation === undefined) continue;
          const a = at.get(m.id);
          if (a) {
            expect(a.location).toBe(m.fixedLocation);
            if (m.fixedSlot !== undefined) expect(a.slot).toBe(m.fixedSlot);
          } else expect(why.get(m.id)).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the search never puts two meetings fixed to one place in the same slot', () => {
    // Every meeting fixed to one of three places, no fixed slots: the moves must respect them.
    const arb = fc.record({
      perDay: fc.integer({ min: 3, max: 8 }),
      nP: fc.integer({ min: 4, max: 9 }),
      pairs: fc.array(fc.tuple(fc.nat(100), fc.nat(100), fc.nat(2)), { minLength: 4, maxLength: 22 }),
      seed: fc.nat(1000),
    });
    fc.assert(
      fc.property(arb, ({ perDay, nP, pairs, seed }) => {
        const places = ['T1', 'T2', 'Zoom'];
        const inst: Instance = {
          slots: day(perDay),
          locations: [...tables(3), { id: 'Zoom', kind: 'online' }],
          participants: people(nP),
          meetings: pairs.map(([a, b, l], i) => {
            const x = a % nP;
            const y = (x + 1 + (b % (nP - 1))) % nP;
            return { id: `m${i}`, participants: [`p${x + 1}`, `p${y + 1}`] as [string, string], fixedLocation: places[l]! };
          }),
        };
        const r = schedule(inst, { seed, timeLimitMs: 5_000, maxIterations: 4_000 });
        expect(validateSchedule(inst, r)).toEqual([]);
        for (const a of r.assignments) expect(a.location).toBe(inst.meetings.find((m) => m.id === a.meeting)!.fixedLocation);
      }),
      { numRuns: 200 },
    );
  });

  it('a meeting left out could not simply have been added', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const r = schedule(inst, { seed: 3, timeLimitMs: 5_000, maxIterations: 2_000 });
        for (const u of r.unscheduled) {
          const withIt = { assignments: r.assignments.slice(), unscheduled: r.unscheduled.filter((x) => x !== u) };
          // Try every slot and location: each must break a rule.
          for (const slot of inst.slots)
            for (const loc of inst.locations) {
              const v = validateSchedule(inst, { ...withIt, assignments: [...withIt.assignments, { meeting: u.meeting, slot: slot.id, location: loc.id }] });
              expect(v.length).toBeGreaterThan(0);
            }
        }
      }),
      { numRuns: 150 },
    );
  });
});

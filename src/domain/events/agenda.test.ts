import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictKey, conflictsOf, findConflicts, overlaps, roomKey, type AgendaConflict, type AgendaSession, type ExternalSession } from './agenda';

const MIN = 60_000;
const at = (hhmm: string) => Date.UTC(2030, 4, 20, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));
const event = { startsAt: at('09:00'), endsAt: at('18:00') };

function session(id: string, from: string, to: string, fields: Partial<AgendaSession> = {}): AgendaSession {
  return { id, startsAt: at(from), endsAt: at(to), room: '', personIds: [], ...fields };
}

describe('overlaps', () => {
  it('treats touching ends as no overlap, and any shared minute as overlap', () => {
    expect(overlaps(session('a', '10:00', '10:30'), session('b', '10:30', '11:00'))).toBe(false);
    expect(overlaps(session('a', '10:00', '10:31'), session('b', '10:30', '11:00'))).toBe(true);
    expect(overlaps(session('a', '10:00', '12:00'), session('b', '10:30', '11:00'))).toBe(true);
  });
});

describe('findConflicts', () => {
  it('finds a speaker on two sessions at once, a double-booked room and a session outside the event', () => {
    const sessions = [
      session('s1', '10:00', '11:00', { room: 'A厅', personIds: ['p1', 'p2'] }),
      session('s2', '10:30', '11:30', { room: ' a厅 ', personIds: ['p1'] }),
      session('s3', '11:00', '12:00', { room: 'A厅', personIds: ['p2'] }),
      session('s4', '17:30', '18:30'),
    ];
    expect(findConflicts(event, sessions)).toEqual([
      { kind: 'outside_event', sessionIds: ['s4'] },
      { kind: 'person', personId: 'p1', sessionIds: ['s1', 's2'] },
      { kind: 'room', room: 'A厅', sessionIds: ['s1', 's2'] },
      { kind: 'room', room: 'a厅', sessionIds: ['s2', 's3'] },
    ]);
  });

  it('names a person booked in another event of the community at the same time', () => {
    const others: ExternalSession[] = [
      { id: 'o1', eventId: 'e2', startsAt: at('10:45'), endsAt: at('11:15'), personIds: ['p1'] },
      { id: 'o2', eventId: 'e2', startsAt: at('11:00'), endsAt: at('11:30'), personIds: ['p1'] },
    ];
    const conflicts = findConflicts(event, [session('s1', '10:00', '11:00', { personIds: ['p1'] })], others);
    expect(conflicts).toEqual([{ kind: 'person_elsewhere', personId: 'p1', sessionIds: ['s1'], otherEventId: 'e2', otherSessionId: 'o1' }]);
    expect(conflictsOf('s1', conflicts)).toHaveLength(1);
    expect(conflictsOf('s2', conflicts)).toHaveLength(0);
  });

  it('ignores sessions without a room', () => {
    expect(findConflicts(event, [session('s1', '10:00', '11:00'), session('s2', '10:00', '11:00')])).toEqual([]);
  });
});

// ---------------------------------------------------------------- properties

const PEOPLE = ['p1', 'p2', 'p3', 'p4'];
const ROOMS = ['', 'A厅', 'a厅', 'B厅', ' 301 '];
const DAY_START = at('09:00');

/** Sessions on a quarter-hour grid over a day, some spilling past the event's end. */
const sessionArb = (id: string) =>
  fc
    .record({
      start: fc.integer({ min: -4, max: 40 }),
      length: fc.integer({ min: 1, max: 12 }),
      room: fc.constantFrom(...ROOMS),
      personIds: fc.uniqueArray(fc.constantFrom(...PEOPLE), { maxLength: 3 }),
    })
    .map(({ start, length, room, personIds }) => ({ id, startsAt: DAY_START + start * 15 * MIN, endsAt: DAY_START + (start + length) * 15 * MIN, room, personIds }));

const scheduleArb = fc.integer({ min: 0, max: 9 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sessionArb(`s${i}`))));
const externalArb = fc.array(
  fc.record({ id: fc.uuid(), eventId: fc.constantFrom('e2', 'e3'), start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 1, max: 8 }), personIds: fc.uniqueArray(fc.constantFrom(...PEOPLE), { maxLength: 2 }) }).map((o) => ({
    id: o.id,
    eventId: o.eventId,
    startsAt: DAY_START + o.start * 15 * MIN,
    endsAt: DAY_START + (o.start + o.length) * 15 * MIN,
    personIds: o.personIds,
  })),
  { maxLength: 6 },
);

/** Every minute an interval covers: a check by brute force that shares no code with `overlaps`. */
function minutes(s: { startsAt: number; endsAt: number }): Set<number> {
  const out = new Set<number>();
  for (let m = s.startsAt; m < s.endsAt; m += MIN) out.add(m);
  return out;
}
const share = (a: Set<number>, b: Set<number>) => [...a].some((m) => b.has(m));

function bruteForce(sessions: readonly AgendaSession[], others: readonly ExternalSession[]): Set<string> {
  const out = new Set<string>();
  const eventMinutes = minutes(event);
  for (const s of sessions) if ([...minutes(s)].some((m) => !eventMinutes.has(m))) out.add(`outside|${s.id}`);
  for (const a of sessions) {
    for (const b of sessions) {
      if (a.id >= b.id || !share(minutes(a), minutes(b))) continue;
      for (const p of a.personIds) if (b.personIds.includes(p)) out.add(`person|${p}|${a.id}|${b.id}`);
      const ra = a.room.trim().toLowerCase();
      if (ra && ra === b.room.trim().toLowerCase()) out.add(`room|${a.room.trim()}|${a.id}|${b.id}`);
    }
    for (const o of others) {
      if (!share(minutes(a), minutes(o))) continue;
      for (const p of a.personIds) if (o.personIds.includes(p)) out.add(`elsewhere|${p}|${a.id}|${o.id}`);
    }
  }
  return out;
}

const keys = (list: AgendaConflict[]) => new Set(list.map(conflictKey));

describe('findConflicts properties', () => {
  it('overlap is symmetric', () => {
    fc.assert(fc.property(sessionArb('a'), sessionArb('b'), (a, b) => overlaps(a, b) === overlaps(b, a)));
  });

  it('finds exactly what a minute-by-minute brute force finds, once each', () => {
    fc.assert(
      fc.property(scheduleArb, externalArb, (sessions, others) => {
        const found = findConflicts(event, sessions, others);
        expect(found.length).toBe(keys(found).size);
        expect(keys(found)).toEqual(bruteForce(sessions, others));
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in a schedule inside the event with no shared people or rooms', () => {
    fc.assert(
      fc.property(scheduleArb, (raw) => {
        const sessions = raw.map((s, i) => ({
          ...s,
          startsAt: Math.max(s.startsAt, event.startsAt),
          endsAt: Math.min(Math.max(s.endsAt, s.startsAt + MIN), event.endsAt),
          room: `room-${i}`,
          personIds: s.personIds.map((p) => `${p}-${i}`),
        }));
        expect(findConflicts(event, sessions.filter((s) => s.endsAt > s.startsAt))).toEqual([]);
      }),
    );
  });

  it('never removes a conflict when a session is added', () => {
    fc.assert(
      fc.property(scheduleArb, sessionArb('added'), externalArb, (sessions, added, others) => {
        const before = keys(findConflicts(event, sessions, others));
        const after = keys(findConflicts(event, [...sessions, added], others));
        for (const k of before) expect(after.has(k)).toBe(true);
      }),
    );
  });

  it('answers the same whatever order the sessions come in', () => {
    fc.assert(
      fc.property(scheduleArb, externalArb, (sessions, others) => {
        expect(findConflicts(event, [...sessions].reverse(), [...others].reverse())).toEqual(findConflicts(event, sessions, others));
      }),
    );
  });

  it('folds case and spaces of room names', () => {
    expect(roomKey('  Hall   A ')).toBe('hall a');
  });
});

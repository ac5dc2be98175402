import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventDays, generateSlots, overlaps, type SlotPlan } from './slots';

const SH = 'Asia/Shanghai';
const hm = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: SH, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

describe('generating slots', () => {
  it('cuts sessions into slots with gaps, skipping breaks, in the community zone', () => {
    const plan: SlotPlan = {
      days: ['2030-05-21', '2030-05-20'],
      sessions: [
        { label: 'morning', start: '09:00', end: '12:00' },
        { label: 'afternoon', start: '14:00', end: '15:00' },
      ],
      slotMinutes: 25,
      gapMinutes: 5,
      breaks: [{ start: '10:30', end: '10:45' }],
    };
    const r = generateSlots(plan, SH);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const day1 = r.slots.filter((s) => s.day === '2030-05-20');
    expect(day1.map((s) => `${s.session} ${hm(s.startsAt)}-${hm(s.endsAt)}`)).toEqual([
      'morning 09:00-09:25',
      'morning 09:30-09:55',
      'morning 10:00-10:25',
      'morning 10:45-11:10',
      'morning 11:15-11:40',
      'afternoon 14:00-14:25',
      'afternoon 14:30-14:55',
    ]);
    expect(r.slots).toHaveLength(14);
    // Days in order; instants are UTC+8.
    expect(r.slots[0]!.startsAt.toISOString()).toBe('2030-05-20T01:00:00.000Z');
    expect(r.slots[7]!.startsAt.toISOString()).toBe('2030-05-21T01:00:00.000Z');
  });

  it('uses the zone given (New York, daylight saving)', () => {
    const r = generateSlots({ days: ['2030-07-01'], sessions: [{ label: 'am', start: '09:00', end: '10:00' }], slotMinutes: 30, gapMinutes: 0, breaks: [] }, 'America/New_York');
    if (!r.ok) throw new Error('problems');
    expect(r.slots.map((s) => s.startsAt.toISOString())).toEqual(['2030-07-01T13:00:00.000Z', '2030-07-01T13:30:00.000Z']);
  });

  it('reports inverted and too short sessions and overlapping sessions', () => {
    const base = { days: ['2030-05-20'], slotMinutes: 30, gapMinutes: 0, breaks: [] };
    const a = generateSlots({ ...base, sessions: [{ label: 'x', start: '10:00', end: '09:00' }] }, SH);
    expect(a).toEqual({ ok: false, problems: [{ path: 'sessions.0.end', message: 'partnering_session_inverted' }] });
    const b = generateSlots({ ...base, sessions: [{ label: 'x', start: '10:00', end: '10:20' }] }, SH);
    expect(b).toEqual({ ok: false, problems: [{ path: 'sessions.0', message: 'partnering_session_too_short' }] });
    const c = generateSlots(
      {
        ...base,
        sessions: [
          { label: 'x', start: '09:00', end: '11:00' },
          { label: 'y', start: '10:00', end: '12:00' },
        ],
      },
      SH,
    );
    expect(c.ok).toBe(false);
    const d = generateSlots({ ...base, sessions: [{ label: 'x', start: '09:00', end: '10:00' }], breaks: [{ start: '09:00', end: '10:00' }] }, SH);
    expect(d).toEqual({ ok: false, problems: [{ path: 'sessions.0', message: 'partnering_session_too_short' }] });
  });

  it('never makes overlapping slots, nor slots touching a break or outside their session (property)', () => {
    const clock = fc.integer({ min: 0, max: 24 * 60 - 1 });
    const toClock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(clock, clock, fc.integer({ min: 5, max: 120 }), fc.integer({ min: 0, max: 30 }), fc.array(fc.tuple(clock, clock), { maxLength: 3 }), (s, e, len, gap, brs) => {
        const breaks = brs.filter(([x, y]) => y > x).map(([x, y]) => ({ start: toClock(x), end: toClock(y) }));
        const r = generateSlots({ days: ['2030-05-20'], sessions: [{ label: 's', start: toClock(s), end: toClock(e) }], slotMinutes: len, gapMinutes: gap, breaks }, SH);
        if (!r.ok) return;
        for (let i = 0; i < r.slots.length; i++) {
          const slot = r.slots[i]!;
          expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(len * 60_000);
          if (i > 0) expect(slot.startsAt.getTime()).toBeGreaterThanOrEqual(r.slots[i - 1]!.endsAt.getTime() + gap * 60_000);
          const startMin = (slot.startsAt.getTime() - Date.parse('2030-05-19T16:00:00Z')) / 60_000;
          expect(startMin).toBeGreaterThanOrEqual(s);
          expect(startMin + len).toBeLessThanOrEqual(e);
          for (const b of brs.filter(([x, y]) => y > x)) expect(startMin < b[1] && b[0] < startMin + len).toBe(false);
        }
      }),
    );
  });
});

describe('event days and overlaps', () => {
  it('lists the calendar days an event covers in the zone', () => {
    expect(eventDays(new Date('2030-05-20T01:00:00Z'), new Date('2030-05-20T09:00:00Z'), SH)).toEqual(['2030-05-20']);
    // 23:00 UTC is the next morning in Shanghai.
    expect(eventDays(new Date('2030-05-19T23:00:00Z'), new Date('2030-05-21T10:00:00Z'), SH)).toEqual(['2030-05-20', '2030-05-21']);
  });

  it('treats intervals as half-open', () => {
    const at = (h: number) => new Date(Date.UTC(2030, 0, 1, h));
    expect(overlaps({ startsAt: at(1), endsAt: at(2) }, { startsAt: at(2), endsAt: at(3) })).toBe(false);
    expect(overlaps({ startsAt: at(1), endsAt: at(3) }, { startsAt: at(2), endsAt: at(4) })).toBe(true);
  });
});

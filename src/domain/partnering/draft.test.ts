import { describe, expect, it } from 'vitest';
import { breaksOf, buildInstance, diffPlacements, staleDraftMeetings, type InstanceRows } from './draft';
import { parseInstance } from './instance';
import { schedule } from './schedule';
import { validateSchedule } from './validate';

const at = (h: number, m = 0) => new Date(Date.UTC(2030, 4, 20, h, m));
const slots = [
  { id: 's3', day: '2030-05-20', session: 'am', startsAt: at(2) },
  { id: 's1', day: '2030-05-20', session: 'am', startsAt: at(1) },
  { id: 's2', day: '2030-05-20', session: 'am', startsAt: at(1, 30) },
  { id: 't1', day: '2030-05-21', session: 'am', startsAt: new Date(Date.UTC(2030, 4, 21, 1)) },
];

function rows(over: Partial<InstanceRows> = {}): InstanceRows {
  return {
    slots,
    locations: [
      { id: 'T1', kind: 'table', name: 'T1', ownerParticipantId: null },
      { id: 'B', kind: 'booth', name: 'Booth of p3', ownerParticipantId: 'p3' },
      { id: 'X', kind: 'booth', name: 'Booth of gone', ownerParticipantId: 'gone' },
    ],
    participants: [
      { id: 'p1', displayName: 'One', maxMeetings: null, unavailableSlotIds: ['s2', 'unknown-slot'] },
      { id: 'p2', displayName: 'Two', maxMeetings: 3, unavailableSlotIds: [] },
      { id: 'p3', displayName: 'Three', maxMeetings: null, unavailableSlotIds: [] },
    ],
    meetings: [
      { id: 'm1', participantAId: 'p1', participantBId: 'p2', weight: 100, locked: false, draft: null, published: { slotId: 's1', locationId: 'T1' } },
      { id: 'm2', participantAId: 'p2', participantBId: 'p3', weight: 10, locked: true, draft: { slotId: 's3', locationId: 'B' }, published: null },
      { id: 'm3', participantAId: 'p1', participantBId: 'gone', weight: 1, locked: false, draft: null, published: null },
      { id: 'm4', participantAId: 'p1', participantBId: 'p3', weight: 1, locked: false, draft: null, published: { slotId: 's2', locationId: 'B' } },
    ],
    defaultMaxMeetings: 5,
    fairness: 1,
    keepPublished: true,
    ...over,
  };
}

describe('building the scheduler instance from rows', () => {
  it('orders slots, pins locked and published meetings, leaves out meetings and booths of inactive participants', () => {
    const built = buildInstance(rows());
    expect(built.instance.slots.map((s) => s.id)).toEqual(['s1', 's2', 's3', 't1']);
    expect(built.instance.locations.map((l) => l.id)).toEqual(['T1', 'B']);
    expect(built.instance.locations[1]).toMatchObject({ owner: 'p3', kind: 'booth' });
    expect(built.instance.participants).toEqual([
      { id: 'p1', name: 'One', forbiddenSlots: ['s2'], maxMeetings: 5 },
      { id: 'p2', name: 'Two', forbiddenSlots: [], maxMeetings: 3 },
      { id: 'p3', name: 'Three', forbiddenSlots: [], maxMeetings: 5 },
    ]);
    expect(built.leftOut).toEqual(['m3']);
    const byId = new Map(built.instance.meetings.map((m) => [m.id, m]));
    expect(byId.get('m1')).toMatchObject({ fixedSlot: 's1', fixedLocation: 'T1', weight: 100 });
    expect(byId.get('m2')).toMatchObject({ fixedSlot: 's3', fixedLocation: 'B' });
    // m4's published slot is now forbidden for p1: it is free to move.
    expect(byId.get('m4')!.fixedSlot).toBeUndefined();
    expect([...built.pinned]).toEqual([
      ['m1', 'published'],
      ['m2', 'locked'],
    ]);
    expect(built.instance.fairness).toBe(1);
    expect(parseInstance(built.instance).ok).toBe(true);
  });

  it('keeps a locked meeting in its slot when its location is gone or now someone else\'s', () => {
    const base = rows();
    const gone = buildInstance({ ...base, meetings: [{ ...base.meetings[1]!, draft: { slotId: 's3', locationId: 'removed' } }] });
    expect(gone.instance.meetings[0]).toMatchObject({ fixedSlot: 's3' });
    expect(gone.instance.meetings[0]!.fixedLocation).toBeUndefined();
    const foreign = buildInstance({ ...base, meetings: [{ ...base.meetings[0]!, locked: true, draft: { slotId: 's1', locationId: 'B' } }] });
    expect(foreign.instance.meetings[0]!.fixedLocation).toBeUndefined();
    expect(parseInstance(foreign.instance).ok).toBe(true);
  });

  it('does not pin published meetings when told not to, and the scheduler honours the pins', () => {
    expect(buildInstance(rows({ keepPublished: false })).pinned.get('m1')).toBeUndefined();
    const { instance } = buildInstance(rows());
    const result = schedule(instance, { seed: 3, maxIterations: 2000, timeLimitMs: 2000 });
    expect(validateSchedule(instance, result)).toEqual([]);
    const place = new Map(result.assignments.map((a) => [a.meeting, `${a.slot}@${a.location}`]));
    expect(place.get('m1')).toBe('s1@T1');
    expect(place.get('m2')).toBe('s3@B');
    // p3 owns a booth: their meetings happen there.
    expect(place.get('m4')).toMatch(/@B$/);
  });
});

describe('comparing placements', () => {
  it('sorts meetings into moved, added, removed and unchanged', () => {
    const p = (slotId: string, locationId = 'T1') => ({ slotId, locationId });
    const diff = diffPlacements([
      { meetingId: 'a', before: p('s1'), after: p('s1') },
      { meetingId: 'b', before: p('s1'), after: p('s2') },
      { meetingId: 'c', before: p('s1'), after: p('s1', 'T2') },
      { meetingId: 'd', before: null, after: p('s3') },
      { meetingId: 'e', before: p('s3'), after: null },
      { meetingId: 'f', before: null, after: null },
    ]);
    expect(diff).toEqual({ moved: ['b', 'c'], added: ['d'], removed: ['e'], unchanged: ['a', 'f'] });
  });
});

describe('counting breaks for placements', () => {
  it('counts idle runs between meetings of one day, not across days', () => {
    const placements = [
      { participants: ['p1', 'p2'] as const, slotId: 's1' },
      { participants: ['p1', 'p3'] as const, slotId: 's3' },
      { participants: ['p2', 'p3'] as const, slotId: 's2' },
      { participants: ['p1', 'p2'] as const, slotId: 't1' },
    ];
    const b = breaksOf(placements, slots);
    expect(Object.fromEntries(b.perParticipant)).toEqual({ p1: 1, p2: 0, p3: 0 });
    expect(b.total).toBe(1);
    expect(b.spread).toBe(1);
    const only = breaksOf(placements, slots, ['p2', 'p4']);
    expect(Object.fromEntries(only.perParticipant)).toEqual({ p2: 0, p4: 0 });
  });
});

describe('staleDraftMeetings', () => {
  const place = (slotId: string, locationId: string) => ({ slotId, locationId });
  const owners = new Map<string, string | null>([['T1', null], ['T2', null], ['B', 'p3']]);

  it('finds a participant now unavailable, two meetings of one participant in a slot, and a booth of someone else', () => {
    const meetings = [
      { id: 'm1', participantAId: 'p1', participantBId: 'p2', place: place('s1', 'T1') },
      { id: 'm2', participantAId: 'p1', participantBId: 'p4', place: place('s1', 'T2') },
      { id: 'm3', participantAId: 'p2', participantBId: 'p4', place: place('s2', 'B') },
      { id: 'm4', participantAId: 'p5', participantBId: 'p6', place: place('s2', 'T1') },
      { id: 'm5', participantAId: 'p3', participantBId: 'p5', place: place('s3', 'B') },
      { id: 'm6', participantAId: 'p1', participantBId: 'p6', place: null },
    ];
    expect(staleDraftMeetings(meetings, new Set(['p6|s2']), owners)).toEqual([
      { meetingId: 'm2', problem: 'participant_busy' },
      { meetingId: 'm3', problem: 'location_not_theirs' },
      { meetingId: 'm4', problem: 'participant_unavailable' },
    ]);
  });

  it('passes a draft that fits', () => {
    const meetings = [
      { id: 'm1', participantAId: 'p1', participantBId: 'p2', place: place('s1', 'T1') },
      { id: 'm2', participantAId: 'p3', participantBId: 'p1', place: place('s2', 'B') },
    ];
    expect(staleDraftMeetings(meetings, new Set(['p1|s3']), owners)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { agendaByDay, groupSlots, meetingStarted, setWish, toggleSlots } from './partnering';

const slot = (id: string, day: string, session: string, time: string) => ({ id, day, session, startsAt: `${day}T${time}:00+08:00` });

describe('groupSlots', () => {
  it('groups by day and session in time order, whatever the input order', () => {
    const slots = [
      slot('d2a', '2030-05-21', '上午', '09:00'),
      slot('p2', '2030-05-20', '下午', '14:30'),
      slot('a2', '2030-05-20', '上午', '09:30'),
      slot('p1', '2030-05-20', '下午', '14:00'),
      slot('a1', '2030-05-20', '上午', '09:00'),
    ];
    const grouped = groupSlots(slots);
    expect(grouped.map((d) => d.day)).toEqual(['2030-05-20', '2030-05-21']);
    expect(grouped[0]!.sessions.map((s) => s.session)).toEqual(['上午', '下午']);
    expect(grouped[0]!.sessions[0]!.slots.map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(grouped[0]!.sessions[1]!.slots.map((s) => s.id)).toEqual(['p1', 'p2']);
    expect(grouped[1]!.sessions[0]!.slots.map((s) => s.id)).toEqual(['d2a']);
  });

  it('orders sessions by their first slot, not by name', () => {
    const grouped = groupSlots([slot('b', '2030-05-20', 'B afternoon', '14:00'), slot('a', '2030-05-20', 'Z morning', '09:00')]);
    expect(grouped[0]!.sessions.map((s) => s.session)).toEqual(['Z morning', 'B afternoon']);
  });

  it('answers nothing for no slots', () => {
    expect(groupSlots([])).toEqual([]);
  });
});

describe('agendaByDay', () => {
  it('sorts meetings by time and splits them by day', () => {
    const m = (id: string, day: string, time: string) => ({ id, slot: { day, startsAt: `${day}T${time}:00+08:00` } });
    const out = agendaByDay([m('c', '2030-05-21', '09:00'), m('b', '2030-05-20', '10:00'), m('a', '2030-05-20', '09:00')]);
    expect(out.map((d) => [d.day, d.meetings.map((x) => x.id)])).toEqual([
      ['2030-05-20', ['a', 'b']],
      ['2030-05-21', ['c']],
    ]);
  });
});

describe('meetingStarted', () => {
  it('is true from the slot start on', () => {
    const start = Date.parse('2030-05-20T09:00:00+08:00');
    expect(meetingStarted({ startsAt: '2030-05-20T09:00:00+08:00' }, start - 1)).toBe(false);
    expect(meetingStarted({ startsAt: '2030-05-20T09:00:00+08:00' }, start)).toBe(true);
  });
});

describe('toggleSlots', () => {
  it('ticks all when some are unticked, unticks all when all are ticked', () => {
    expect(toggleSlots(['a'], ['a', 'b']).sort()).toEqual(['a', 'b']);
    expect(toggleSlots(['a', 'b', 'x'], ['a', 'b'])).toEqual(['x']);
    expect(toggleSlots(['x'], [])).toEqual(['x']);
  });
});

describe('setWish', () => {
  const make = (id: string, p: string): { targetParticipantId: string; priority: string } => ({ targetParticipantId: id, priority: p });
  it('adds, replaces in place and removes', () => {
    let list: { targetParticipantId: string; priority: string }[] = [];
    list = setWish(list, 'a', 'must', make);
    list = setWish(list, 'b', 'if_time', make);
    list = setWish(list, 'a', 'would_like', make);
    expect(list).toEqual([make('a', 'would_like'), make('b', 'if_time')]);
    expect(setWish(list, 'a', null, make)).toEqual([make('b', 'if_time')]);
  });
});

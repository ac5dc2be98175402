/**
 * An independent checker of a schedule against its instance: it reads only the JSON instance and
 * the result (ids, not the solver's arrays) and lists every hard rule broken. Tests run it on every
 * schedule the solver returns; the server can run it on hand-edited drafts.
 */
import { breakSummary } from './breaks';
import type { Instance } from './instance';
import type { ScheduleResult } from './result';

export interface Violation {
  rule:
    | 'unknown_meeting'
    | 'unknown_slot'
    | 'unknown_location'
    | 'meeting_twice'
    | 'meeting_missing'
    | 'participant_double_booked'
    | 'location_double_booked'
    | 'location_unavailable'
    | 'booth_not_owner'
    | 'forbidden_slot'
    | 'session'
    | 'fixed_slot'
    | 'fixed_location'
    | 'precedence'
    | 'max_meetings'
    | 'wrong_totals';
  message: string;
}

export function validateSchedule(inst: Instance, result: Pick<ScheduleResult, 'assignments' | 'unscheduled'> & Partial<Pick<ScheduleResult, 'breaks' | 'breakSpread' | 'scheduledWeight'>>): Violation[] {
  const out: Violation[] = [];
  const v = (rule: Violation['rule'], message: string) => out.push({ rule, message });
  const slotPos = new Map(inst.slots.map((s, i) => [s.id, i]));
  const meetings = new Map(inst.meetings.map((m) => [m.id, m]));
  const participants = new Map(inst.participants.map((p) => [p.id, p]));
  const locations = new Map(inst.locations.map((l) => [l.id, l]));

  const placed = new Map<string, { slot: string; location: string }>();
  const seen = new Set<string>();
  for (const a of result.assignments) {
    const m = meetings.get(a.meeting);
    if (!m) {
      v('unknown_meeting', `assignment of unknown meeting "${a.meeting}"`);
      continue;
    }
    if (seen.has(a.meeting)) v('meeting_twice', `meeting "${a.meeting}" appears twice`);
    seen.add(a.meeting);
    if (!slotPos.has(a.slot)) {
      v('unknown_slot', `meeting "${a.meeting}" in unknown slot "${a.slot}"`);
      continue;
    }
    const loc = locations.get(a.location);
    if (!loc) {
      v('unknown_location', `meeting "${a.meeting}" at unknown location "${a.location}"`);
      continue;
    }
    placed.set(a.meeting, a);
    if (loc.slots && !loc.slots.includes(a.slot)) v('location_unavailable', `location "${loc.id}" does not exist in slot "${a.slot}" (meeting "${m.id}")`);
    if (loc.owner !== undefined && !m.participants.includes(loc.owner)) v('booth_not_owner', `meeting "${m.id}" uses the booth of "${loc.owner}", who is not in it`);
    for (const pid of m.participants) {
      if (participants.get(pid)?.forbiddenSlots?.includes(a.slot)) v('forbidden_slot', `participant "${pid}" cannot attend slot "${a.slot}" (meeting "${m.id}")`);
    }
    if (m.session !== undefined && inst.slots[slotPos.get(a.slot)!]!.session !== m.session) v('session', `meeting "${m.id}" must be in session "${m.session}", not in slot "${a.slot}"`);
    if (m.fixedSlot !== undefined && m.fixedSlot !== a.slot) v('fixed_slot', `meeting "${m.id}" is fixed to slot "${m.fixedSlot}", not "${a.slot}"`);
    if (m.fixedLocation !== undefined && m.fixedLocation !== a.location) v('fixed_location', `meeting "${m.id}" is fixed to location "${m.fixedLocation}", not "${a.location}"`);
  }
  for (const u of result.unscheduled) {
    if (seen.has(u.meeting)) v('meeting_twice', `meeting "${u.meeting}" is both scheduled and unscheduled`);
    seen.add(u.meeting);
  }
  for (const m of inst.meetings) if (!seen.has(m.id)) v('meeting_missing', `meeting "${m.id}" is neither scheduled nor reported unscheduled`);

  const byParticipantSlot = new Map<string, string>();
  const byLocationSlot = new Map<string, string>();
  const count = new Map<string, number>();
  const slotsOf = new Map<string, number[]>(inst.participants.map((p) => [p.id, []]));
  for (const [mid, a] of placed) {
    const m = meetings.get(mid)!;
    const lk = `${a.location}\u0000${a.slot}`;
    if (byLocationSlot.has(lk)) v('location_double_booked', `location "${a.location}" holds "${byLocationSlot.get(lk)}" and "${mid}" in slot "${a.slot}"`);
    byLocationSlot.set(lk, mid);
    for (const pid of m.participants) {
      const pk = `${pid}\u0000${a.slot}`;
      if (byParticipantSlot.has(pk)) v('participant_double_booked', `participant "${pid}" has "${byParticipantSlot.get(pk)}" and "${mid}" in slot "${a.slot}"`);
      byParticipantSlot.set(pk, mid);
      count.set(pid, (count.get(pid) ?? 0) + 1);
      slotsOf.get(pid)?.push(slotPos.get(a.slot)!);
    }
    for (const pre of m.predecessors ?? []) {
      const pa = placed.get(pre);
      if (!pa) v('precedence', `meeting "${mid}" is scheduled but its predecessor "${pre}" is not`);
      else if (slotPos.get(pa.slot)! >= slotPos.get(a.slot)!) v('precedence', `meeting "${mid}" (slot "${a.slot}") must come after "${pre}" (slot "${pa.slot}")`);
    }
  }
  for (const p of inst.participants) {
    if (p.maxMeetings !== undefined && (count.get(p.id) ?? 0) > p.maxMeetings) v('max_meetings', `participant "${p.id}" has ${count.get(p.id)} meetings, more than ${p.maxMeetings}`);
  }
  const slotDay = inst.slots.map((s) => s.day);
  const summary = breakSummary([...slotsOf.values()], slotDay);
  if (result.breaks !== undefined && result.breaks !== summary.total) v('wrong_totals', `breaks reported ${result.breaks}, counted ${summary.total}`);
  if (result.breakSpread !== undefined && result.breakSpread !== summary.spread) v('wrong_totals', `breakSpread reported ${result.breakSpread}, counted ${summary.spread}`);
  if (result.scheduledWeight !== undefined) {
    let w = 0;
    for (const mid of placed.keys()) w += meetings.get(mid)!.weight ?? 1;
    if (Math.abs(w - result.scheduledWeight) > 1e-6) v('wrong_totals', `scheduledWeight reported ${result.scheduledWeight}, counted ${w}`);
  }
  return out;
}

/** Pure helpers of the participants' partnering pages: slots grouped for the availability grid, agendas by day. */

export interface DaySlots<S> {
  day: string;
  sessions: { session: string; slots: S[] }[];
}

/**
 * Slots grouped by day, then by session, both in time order (a session's place is that of its
 * first slot, so "上午" comes before "下午" whatever their names).
 */
export function groupSlots<S extends { day: string; session: string; startsAt: string }>(slots: readonly S[]): DaySlots<S>[] {
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.session.localeCompare(b.session));
  const days: DaySlots<S>[] = [];
  for (const slot of sorted) {
    let day = days.find((d) => d.day === slot.day);
    if (!day) {
      day = { day: slot.day, sessions: [] };
      days.push(day);
    }
    let session = day.sessions.find((s) => s.session === slot.session);
    if (!session) {
      session = { session: slot.session, slots: [] };
      day.sessions.push(session);
    }
    session.slots.push(slot);
  }
  return days.sort((a, b) => a.day.localeCompare(b.day));
}

/** Meetings grouped by their slot's day, in time order. */
export function agendaByDay<M extends { slot: { day: string; startsAt: string } }>(meetings: readonly M[]): { day: string; meetings: M[] }[] {
  const sorted = [...meetings].sort((a, b) => Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt));
  const out: { day: string; meetings: M[] }[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && last.day === m.slot.day) last.meetings.push(m);
    else out.push({ day: m.slot.day, meetings: [m] });
  }
  return out;
}

/** Whether a meeting's slot has started, so its feedback may be given (the server checks too). */
export function meetingStarted(slot: { startsAt: string }, now: number): boolean {
  return Date.parse(slot.startsAt) <= now;
}

/**
 * Toggles the slots in `ids` as a block: when every one of them is already ticked they are all
 * unticked, otherwise they are all ticked (a session's or a day's "cannot attend" switch).
 */
export function toggleSlots(selected: readonly string[], ids: readonly string[]): string[] {
  const set = new Set(selected);
  const allIn = ids.length > 0 && ids.every((id) => set.has(id));
  for (const id of ids) {
    if (allIn) set.delete(id);
    else set.add(id);
  }
  return [...set];
}

/** A wish list edited in the page: set or replace one target's priority, or remove it. */
export function setWish<W extends { targetParticipantId: string; priority: string }>(
  list: readonly W[],
  targetParticipantId: string,
  priority: W['priority'] | null,
  make: (id: string, p: W['priority']) => W,
): W[] {
  const rest = list.filter((w) => w.targetParticipantId !== targetParticipantId);
  if (priority === null) return rest;
  const existing = list.findIndex((w) => w.targetParticipantId === targetParticipantId);
  const next = make(targetParticipantId, priority);
  if (existing === -1) return [...rest, next];
  const copy = [...list];
  copy[existing] = next;
  return copy;
}

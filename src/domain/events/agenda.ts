/**
 * Conflict warnings of an event's agenda: a person on two sessions at once (in this event or in
 * another event of the same community), a room holding two sessions at once, a session outside
 * the event's own times. Warnings, not refusals: organisers often pencil in a speaker before
 * the times settle. Pure; times are epoch milliseconds, and intervals are half-open, so a
 * session ending at 10:30 and one starting at 10:30 do not overlap.
 */

export interface Interval {
  startsAt: number;
  endsAt: number;
}

export interface AgendaSession extends Interval {
  id: string;
  room: string;
  personIds: readonly string[];
}

/** A session of another event of the community, with what a warning needs to name it. */
export interface ExternalSession extends Interval {
  id: string;
  eventId: string;
  personIds: readonly string[];
}

export type AgendaConflict =
  | { kind: 'person'; personId: string; sessionIds: [string, string] }
  | { kind: 'room'; room: string; sessionIds: [string, string] }
  | { kind: 'person_elsewhere'; personId: string; sessionIds: [string]; otherEventId: string; otherSessionId: string }
  | { kind: 'outside_event'; sessionIds: [string] };

/** Half-open intervals overlap when each starts before the other ends. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** Rooms typed by hand: "A厅", "a厅 " and "A厅" are the same room; an empty room is no room. */
export function roomKey(room: string): string {
  return room.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A stable identity for a conflict, for comparing sets of them. */
export function conflictKey(c: AgendaConflict): string {
  switch (c.kind) {
    case 'person':
      return `person|${c.personId}|${c.sessionIds.join('|')}`;
    case 'room':
      return `room|${c.room}|${c.sessionIds.join('|')}`;
    case 'person_elsewhere':
      return `elsewhere|${c.personId}|${c.sessionIds[0]}|${c.otherSessionId}`;
    case 'outside_event':
      return `outside|${c.sessionIds[0]}`;
  }
}

function pair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

function byStart<T extends Interval & { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every conflict of the schedule, in a stable order. Sessions are swept in start order, so each
 * is compared only with those that start before it ends: an agenda of a hundred sessions over
 * three days costs far fewer than the n² comparisons.
 */
export function findConflicts(event: Interval, sessions: readonly AgendaSession[], others: readonly ExternalSession[] = []): AgendaConflict[] {
  const out: AgendaConflict[] = [];
  const sorted = byStart(sessions);
  for (const s of sorted) {
    if (s.startsAt < event.startsAt || s.endsAt > event.endsAt) out.push({ kind: 'outside_event', sessionIds: [s.id] });
  }
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    const aPeople = new Set(a.personIds);
    const aRoom = roomKey(a.room);
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsAt < a.endsAt; j++) {
      const b = sorted[j]!;
      if (!overlaps(a, b)) continue;
      const ids = pair(a.id, b.id);
      for (const personId of [...new Set(b.personIds)].sort()) {
        if (aPeople.has(personId)) out.push({ kind: 'person', personId, sessionIds: ids });
      }
      // Named as the first session (by id) spells it, so the warning reads the same however it was found.
      if (aRoom !== '' && aRoom === roomKey(b.room)) out.push({ kind: 'room', room: (ids[0] === a.id ? a : b).room.trim(), sessionIds: ids });
    }
  }
  const external = byStart(others);
  for (const s of sorted) {
    const mine = new Set(s.personIds);
    if (mine.size === 0) continue;
    for (const o of external) {
      if (o.startsAt >= s.endsAt) break;
      if (!overlaps(s, o)) continue;
      for (const personId of [...new Set(o.personIds)].sort()) {
        if (mine.has(personId)) out.push({ kind: 'person_elsewhere', personId, sessionIds: [s.id], otherEventId: o.eventId, otherSessionId: o.id });
      }
    }
  }
  return out;
}

/** The conflicts that name a session, for showing them on it. */
export function conflictsOf(sessionId: string, conflicts: readonly AgendaConflict[]): AgendaConflict[] {
  return conflicts.filter((c) => (c.sessionIds as readonly string[]).includes(sessionId));
}

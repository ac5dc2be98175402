/**
 * Meeting slots from a plan: days × sessions, each session cut into pieces of `slotMinutes` with
 * `gapMinutes` between them, skipping breaks. Times are wall-clock in the community's time zone;
 * the slots come out as instants. Pure: no I/O.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface SlotPlan {
  /** 'YYYY-MM-DD' days in the zone. */
  days: string[];
  /** Sessions of each day: label, 'HH:mm' start and end. */
  sessions: { label: string; start: string; end: string }[];
  slotMinutes: number;
  gapMinutes: number;
  /** Wall-clock pauses on every day (lunch, a keynote); no slot overlaps one. */
  breaks: { start: string; end: string }[];
}

export interface PlannedSlot {
  day: string;
  session: string;
  startsAt: Date;
  endsAt: Date;
}

export interface SlotPlanProblem {
  /** Field path, e.g. `sessions.1.end`. */
  path: string;
  /** A fieldErrors key. */
  message: string;
}

export type SlotPlanResult = { ok: true; slots: PlannedSlot[] } | { ok: false; problems: SlotPlanProblem[] };

/** Minutes after midnight of 'HH:mm'. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** The instant of a wall-clock time `minutes` after midnight of `day` in `timeZone`. */
export function wallClockInstant(day: string, minutes: number, timeZone: string): Date {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return dayjs.tz(`${day}T${hh}:${mm}:00`, timeZone).toDate();
}

/** Calendar day ('YYYY-MM-DD') of an instant in `timeZone`. */
export function dayOf(at: Date, timeZone: string): string {
  return dayjs(at).tz(timeZone).format('YYYY-MM-DD');
}

/** The calendar days an event covers in `timeZone`, from its start's day to its end's day. */
export function eventDays(startsAt: Date, endsAt: Date, timeZone: string): string[] {
  const first = dayOf(startsAt, timeZone);
  const last = dayOf(endsAt, timeZone);
  const days: string[] = [];
  for (let d = dayjs.utc(first); d.format('YYYY-MM-DD') <= last && days.length < 400; d = d.add(1, 'day')) days.push(d.format('YYYY-MM-DD'));
  return days;
}

/** Whether two half-open intervals [aStart, aEnd) and [bStart, bEnd) share any instant. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * The slots of a plan, in time order. A session shorter than one slot, an end not after its
 * start, or sessions overlapping each other are problems (nothing is generated then).
 */
export function generateSlots(plan: SlotPlan, timeZone: string): SlotPlanResult {
  const problems: SlotPlanProblem[] = [];
  const breaks = plan.breaks.map((b, i) => {
    const start = clockMinutes(b.start);
    const end = clockMinutes(b.end);
    if (end <= start) problems.push({ path: `breaks.${i}.end`, message: 'partnering_session_inverted' });
    return { start, end };
  });
  const pieces: { session: string; start: number; end: number }[] = [];
  plan.sessions.forEach((s, i) => {
    const start = clockMinutes(s.start);
    const end = clockMinutes(s.end);
    if (end <= start) {
      problems.push({ path: `sessions.${i}.end`, message: 'partnering_session_inverted' });
      return;
    }
    let cursor = start;
    let made = 0;
    while (cursor + plan.slotMinutes <= end) {
      const slotEnd = cursor + plan.slotMinutes;
      const hit = breaks.find((b) => b.end > b.start && cursor < b.end && b.start < slotEnd);
      if (hit) {
        cursor = hit.end;
        continue;
      }
      pieces.push({ session: s.label, start: cursor, end: slotEnd });
      made++;
      cursor = slotEnd + plan.gapMinutes;
    }
    if (made === 0) problems.push({ path: `sessions.${i}`, message: 'partnering_session_too_short' });
  });
  if (problems.length) return { ok: false, problems };

  const sorted = [...pieces].sort((x, y) => x.start - y.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) return { ok: false, problems: [{ path: 'sessions', message: 'partnering_slots_overlap_each_other' }] };
  }
  const slots: PlannedSlot[] = [];
  for (const day of [...new Set(plan.days)].sort()) {
    for (const p of sorted) slots.push({ day, session: p.session, startsAt: wallClockInstant(day, p.start, timeZone), endsAt: wallClockInstant(day, p.end, timeZone) });
  }
  return { ok: true, slots };
}

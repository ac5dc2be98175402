/**
 * Generators of partnering instances for the benchmarks and tests (seeded, deterministic):
 * - brokerageEvent: a realistic small brokerage event (40–80 participants, 120–300 meetings, 8–22
 *   slots in a morning and an afternoon session, 12–27 tables, 2–8 meetings for most participants,
 *   some popular ones more, some arriving late or leaving early), planted so that all can be placed;
 * - brokerage: the dense variant (≈ 8 meetings per participant, tables often binding), kept as a
 *   hard case and reported separately;
 * - convention: the convention scale, from a planted gap-free schedule (each participant meets in
 *   one unbroken run of slots per day), so the optimum — all placed, 0 breaks — is known;
 * - oversubscribed: more accepted requests than fit, with weights 10 / 3 / 1 (must meet, would like
 *   to, if time allows), meeting caps and forbidden slots.
 */
import type { Instance } from '../../src/domain/partnering/instance';
import { rng } from '../../src/domain/partnering/state';

function slotsFor(days: number, perDay: number, sessions: [string, number][] = [['am', Math.ceil(perDay / 2)], ['pm', Math.floor(perDay / 2)]]): Instance['slots'] {
  const slots: Instance['slots'] = [];
  for (let d = 1; d <= days; d++) {
    let i = 0;
    for (const [session, n] of sessions) for (let k = 0; k < n; k++) slots.push({ id: `d${d}s${++i}`, day: `d${d}`, session });
  }
  return slots;
}

function shuffle<T>(a: T[], r: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/**
 * A realistic small brokerage event. Participants ask for a few meetings each (2–6 typically),
 * about one in seven is popular (a pharma partnering team, a large fund) with 6–14; some arrive
 * late, leave early or have one appointment elsewhere; there are more tables than meetings per
 * slot need (tables are rarely what binds). Built around a planted schedule so that every meeting
 * can be placed: each participant is present from a random start, and in each slot the present
 * participants whose remaining meetings are most urgent are paired. The planted schedule is kept
 * (`planted`, meeting → slot index) and its breaks (`plantedBreaks`) bound the optimum from above.
 */
export function brokerageEvent(seed: number): Instance & { planted: Map<string, number>; plantedBreaks: number } {
  const r = rng(seed * 104_729 + 3);
  const P = int(r, 40, 80);
  const avgDeg = 4 + r() * 3;
  const M = Math.max(120, Math.min(300, Math.round((P * avgDeg) / 2)));
  const S = int(r, Math.max(8, Math.ceil(M / 20)), 22);
  const tables = Math.max(12, Math.min(27, Math.ceil((M / S) * (1.25 + 0.5 * r()))));
  const slots = slotsFor(1, S);
  const forbidden: Set<number>[] = [];
  const participants: Instance['participants'] = [];
  for (let i = 0; i < P; i++) {
    const f = new Set<number>();
    const x = r();
    if (x < 0.1) for (let s = 0; s < int(r, 1, Math.floor(S / 3)); s++) f.add(s); // arrives late
    else if (x < 0.2) for (let s = S - int(r, 1, Math.floor(S / 3)); s < S; s++) f.add(s); // leaves early
    else if (x < 0.26) f.add(int(r, 0, S - 1)); // one appointment elsewhere
    forbidden.push(f);
    participants.push({ id: `p${i + 1}`, ...(f.size ? { forbiddenSlots: [...f].sort((a, b) => a - b).map((s) => slots[s]!.id) } : {}) });
  }
  // Wanted meetings per participant, scaled to about 2M in total.
  const want = participants.map(() => (r() < 0.14 ? int(r, 6, Math.min(14, S - 2)) : int(r, 2, 6)));
  const scale = (2.1 * M) / want.reduce((a, b) => a + b, 0);
  const free = forbidden.map((f) => S - f.size);
  for (let i = 0; i < P; i++) want[i] = Math.max(1, Math.min(14, free[i]! - 1, Math.round(want[i]! * scale)));
  // Each participant is around from a random start, so that the meetings spread over the day.
  const startAt = want.map((w, i) => {
    const avail = [...Array(S).keys()].filter((s) => !forbidden[i]!.has(s));
    return avail[int(r, 0, Math.max(0, avail.length - w - 1))]!;
  });
  const left = want.slice();
  const met = new Set<number>();
  const meetings: Instance['meetings'] = [];
  const planted = new Map<string, number>();
  const perSlot = Math.floor(tables * 0.9);
  for (let s = 0; s < S && meetings.length < M; s++) {
    const urgency = (i: number) => {
      let remaining = 0;
      for (let t = s; t < S; t++) if (!forbidden[i]!.has(t)) remaining++;
      return left[i]! / Math.max(1, remaining) + r() * 0.05;
    };
    const present = [...Array(P).keys()].filter((i) => s >= startAt[i]! && !forbidden[i]!.has(s) && left[i]! > 0);
    const u = new Map(present.map((i) => [i, urgency(i)]));
    present.sort((a, b) => u.get(b)! - u.get(a)!);
    const used = new Set<number>();
    let made = 0;
    for (const a of present) {
      if (used.has(a) || made >= perSlot || meetings.length >= M) continue;
      for (const b of present) {
        const key = a < b ? a * P + b : b * P + a;
        if (b === a || used.has(b) || met.has(key)) continue;
        used.add(a).add(b);
        met.add(key);
        left[a]!--;
        left[b]!--;
        const id = `m${meetings.length + 1}`;
        meetings.push({ id, participants: [`p${a + 1}`, `p${b + 1}`] });
        planted.set(id, s);
        made++;
        break;
      }
    }
  }
  // Breaks of the planted schedule: an upper bound on the optimum.
  const busy = participants.map(() => new Uint8Array(S));
  for (const m of meetings) for (const p of m.participants) busy[Number(p.slice(1)) - 1]![planted.get(m.id)!] = 1;
  let plantedBreaks = 0;
  for (const row of busy) {
    let seen = false;
    let gap = false;
    for (let s = 0; s < S; s++) {
      if (row[s]) {
        if (gap) plantedBreaks++;
        seen = true;
        gap = false;
      } else if (seen) gap = true;
    }
  }
  shuffle(meetings, r);
  const locations = Array.from({ length: tables }, (_, i) => ({ id: `T${i + 1}`, kind: 'table' as const }));
  return { version: 1, name: `brokerage-event-${seed}`, slots, locations, participants, meetings, planted, plantedBreaks };
}

export interface BrokerageParams {
  participants: number;
  meetings: number;
  slots: number;
  tables: number;
}

export function brokerageParams(seed: number): BrokerageParams {
  const r = rng(seed * 7919 + 17);
  const slots = int(r, 8, 22);
  const meetings = int(r, 120, Math.min(300, Math.floor(27 * slots * 0.85)));
  const tables = Math.min(27, Math.max(int(r, 12, 27), Math.ceil(meetings / (0.85 * slots))));
  const participants = Math.min(80, Math.max(int(r, 40, 80), Math.ceil((2 * meetings) / ((slots - 1) * 0.6))));
  return { participants, meetings, slots, tables };
}

export function brokerage(seed: number, p: BrokerageParams = brokerageParams(seed)): Instance {
  const r = rng(seed);
  const slots = slotsFor(1, p.slots);
  const S = slots.length;
  const participants: Instance['participants'] = [];
  const forbidden: Set<number>[] = [];
  for (let i = 0; i < p.participants; i++) {
    const f = new Set<number>();
    const x = r();
    if (x < 0.12) for (let s = 0; s < int(r, 1, Math.floor(S / 3)); s++) f.add(s); // arrives late
    else if (x < 0.24) for (let s = S - int(r, 1, Math.floor(S / 3)); s < S; s++) f.add(s); // leaves early
    else if (x < 0.3) f.add(int(r, 0, S - 1)); // one appointment elsewhere
    forbidden.push(f);
    participants.push({ id: `p${i + 1}`, ...(f.size ? { forbiddenSlots: [...f].map((s) => slots[s]!.id) } : {}) });
  }
  // A random feasible schedule: in each slot, disjoint pairs of available participants, popular ones more often.
  const popularity = participants.map(() => 0.3 + r() * r() * 3);
  const pairs = new Set<string>();
  const meetings: Instance['meetings'] = [];
  const perSlot = Math.ceil(p.meetings / S);
  for (let s = 0; s < S && meetings.length < p.meetings; s++) {
    const avail = shuffle(
      participants.map((_, i) => i).filter((i) => !forbidden[i]!.has(s)),
      r,
    ).sort((x, y) => popularity[y]! * r() - popularity[x]! * r());
    const used = new Set<number>();
    let made = 0;
    for (let i = 0; i < avail.length && made < Math.min(perSlot, p.tables) && meetings.length < p.meetings; i++) {
      const a = avail[i]!;
      if (used.has(a)) continue;
      for (let j = i + 1; j < avail.length; j++) {
        const b = avail[j]!;
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        if (used.has(b) || pairs.has(key)) continue;
        used.add(a).add(b);
        pairs.add(key);
        meetings.push({ id: `m${meetings.length + 1}`, participants: [`p${a + 1}`, `p${b + 1}`] });
        made++;
        break;
      }
    }
  }
  shuffle(meetings, r);
  const locations = Array.from({ length: p.tables }, (_, i) => ({ id: `T${i + 1}`, kind: 'table' as const }));
  return { version: 1, name: `brokerage-${seed}`, slots, locations, participants, meetings };
}

export interface ConventionParams {
  participants: number;
  meetings: number;
  days: number;
  slotsPerDay: number;
  tables: number;
}

export const CONVENTION: ConventionParams = { participants: 16_000, meetings: 50_000, days: 3, slotsPerDay: 16, tables: 1_200 };

/**
 * A planted gap-free schedule: each day, participants join with a run length of 2–10 slots and
 * leave when it ends; in every slot the participants present are paired at random (never the same
 * pair twice), as many as there are tables. The instance keeps the meetings and drops the schedule.
 */
export function convention(seed: number, p: ConventionParams = CONVENTION): Instance & { planted: Map<string, number> } {
  const r = rng(seed);
  const slots = slotsFor(p.days, p.slotsPerDay);
  const S = slots.length;
  const perSlot = Math.floor(p.meetings / S);
  const extra = p.meetings - perSlot * S;
  const planted = new Map<string, number>();
  const meetings: Instance['meetings'] = [];
  const pairs = new Set<number>();
  let pool = shuffle(Array.from({ length: p.participants }, (_, i) => i), r);
  let poolAt = 0;
  const usedDay = new Int32Array(p.participants).fill(-1);
  for (let d = 0; d < p.days; d++) {
    let active: { id: number; left: number }[] = [];
    for (let k = 0; k < p.slotsPerDay; k++) {
      const s = d * p.slotsPerDay + k;
      const want = Math.min(p.tables, perSlot + (s < extra ? 1 : 0));
      active = active.filter((x) => x.left > 0);
      const remaining = p.slotsPerDay - k;
      // Top up to 2 × want participants present.
      let guard = 0;
      while (active.length < 2 * want && guard++ < 10 * p.participants) {
        if (poolAt >= pool.length) {
          pool = shuffle(pool, r);
          poolAt = 0;
        }
        const id = pool[poolAt++]!;
        if (usedDay[id] === d) continue;
        usedDay[id] = d;
        active.push({ id, left: Math.min(remaining, int(r, 2, 10)) });
      }
      // Pair them (those with a run ending soonest first keep the pairing flexible).
      shuffle(active, r);
      const n = active.length - (active.length % 2);
      const order = active.slice(0, n);
      let made = 0;
      for (let i = 0; i + 1 < order.length && made < want; i += 2) {
        let a = order[i]!.id;
        let b = order[i + 1]!.id;
        let key = a < b ? a * p.participants + b : b * p.participants + a;
        if (pairs.has(key) && i + 2 < order.length) {
          // swap partner with the next pair's first member
          const t = order[i + 1]!;
          order[i + 1] = order[i + 2]!;
          order[i + 2] = t;
          b = order[i + 1]!.id;
          a = order[i]!.id;
          key = a < b ? a * p.participants + b : b * p.participants + a;
        }
        if (pairs.has(key)) continue;
        pairs.add(key);
        const id = `m${meetings.length + 1}`;
        meetings.push({ id, participants: [`p${a + 1}`, `p${b + 1}`] });
        planted.set(id, s);
        made++;
      }
      // Whoever was not paired this slot would get a gap: end their run here (they met up to now).
      const met = new Set<number>();
      for (const m of meetings.slice(meetings.length - made)) {
        met.add(Number(m.participants[0].slice(1)) - 1);
        met.add(Number(m.participants[1].slice(1)) - 1);
      }
      active = active.filter((x) => met.has(x.id));
      for (const x of active) x.left--;
    }
  }
  shuffle(meetings, r);
  const participants: Instance['participants'] = Array.from({ length: p.participants }, (_, i) => ({ id: `p${i + 1}` }));
  const locations = Array.from({ length: p.tables }, (_, i) => ({ id: `T${i + 1}`, kind: 'table' as const }));
  return { version: 1, name: `convention-${seed}`, slots, locations, participants, meetings, planted };
}

export interface OversubscribedParams {
  participants: number;
  meetings: number;
  slots: number;
  tables: number;
}

export function oversubscribed(seed: number, p: OversubscribedParams = { participants: 400, meetings: 3000, slots: 16, tables: 70 }): Instance {
  const r = rng(seed);
  const slots = slotsFor(1, p.slots);
  const S = slots.length;
  const participants: Instance['participants'] = [];
  for (let i = 0; i < p.participants; i++) {
    const f: string[] = [];
    if (r() < 0.2) for (let k = int(r, 1, 4); k > 0; k--) f.push(slots[int(r, 0, S - 1)]!.id);
    participants.push({ id: `p${i + 1}`, ...(f.length ? { forbiddenSlots: [...new Set(f)] } : {}), ...(r() < 0.3 ? { maxMeetings: int(r, 4, 10) } : {}) });
  }
  const popularity = participants.map(() => 0.2 + r() * r() * 4);
  const total = popularity.reduce((x, y) => x + y, 0);
  const pick = () => {
    let x = r() * total;
    for (let i = 0; i < popularity.length; i++) if ((x -= popularity[i]!) <= 0) return i;
    return popularity.length - 1;
  };
  const pairs = new Set<string>();
  const meetings: Instance['meetings'] = [];
  while (meetings.length < p.meetings) {
    const a = int(r, 0, p.participants - 1);
    const b = pick();
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    const x = r();
    meetings.push({ id: `m${meetings.length + 1}`, participants: [`p${a + 1}`, `p${b + 1}`], weight: x < 0.2 ? 10 : x < 0.6 ? 3 : 1 });
  }
  const locations = Array.from({ length: p.tables }, (_, i) => ({ id: `T${i + 1}`, kind: 'table' as const }));
  return { version: 1, name: `oversubscribed-${seed}`, slots, locations, participants, meetings };
}

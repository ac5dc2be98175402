/**
 * The partnering scheduler: `schedule(instance, options)` returns assignments (meeting, slot,
 * location), the meetings it could not place with the rule that stopped each, breaks, break spread,
 * scheduled weight and what it proved. Pure and synchronous; deterministic for a given seed and
 * iteration limit (with only a time limit, how far the search gets depends on the machine).
 *
 * Objective, in order: (1) the greatest scheduled weight, (2) the fewest breaks, (3) a break
 * spread within the fairness bound. See docs/partnering/scheduler.md for the method.
 */
import { construct, constructionOrder, bestSlot, repairWeight } from './construct';
import { improve } from './improve';
import { compileInstance, type Compiled, type Instance } from './instance';
import type { Assignment, ScheduleResult, Unscheduled } from './result';
import { rng, State } from './state';

export type { ScheduleResult } from './result';

export interface ScheduleOptions {
  /** Seed of the random choices (default 1). */
  seed?: number;
  /** Wall-clock budget in milliseconds (default: 900 ms for small instances, up to 50 s for 50,000 meetings). */
  timeLimitMs?: number;
  /** Stop the local search after this many moves (for reproducible runs). */
  maxIterations?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export function defaultTimeLimitMs(meetings: number): number {
  return Math.min(50_000, Math.max(900, meetings));
}

/** Schedules a checked instance (see parseInstance). */
export function schedule(inst: Instance, options: ScheduleOptions = {}): ScheduleResult {
  const now = options.now ?? (() => Date.now());
  const t0 = now();
  const seed = options.seed ?? 1;
  const random = rng(seed);
  const c = compileInstance(inst);
  const budget = options.timeLimitMs ?? defaultTimeLimitMs(c.M);
  const deadline = t0 + budget;

  const st = new State(c);
  construct(st, constructionOrder(st, random));
  if (st.scheduled < c.M) repairWeight(st, t0 + budget * 0.4, now);
  const breaksAfterConstruction = st.totalBreaks;
  const { iterations, best } = improve(st, { deadline, maxIterations: options.maxIterations ?? Infinity, fairness: inst.fairness, random, now });

  const fin = new State(c);
  for (let m = 0; m < c.M; m++) if (best[m]! >= 0) fin.place(m, best[m]!);
  // Anything that fits at the end goes in (the search may have opened a place).
  for (let m = 0; m < c.M; m++) {
    if (fin.slotOf[m]! >= 0 || c.staticReason[m] !== null) continue;
    const s = bestSlot(fin, m);
    if (s >= 0) fin.place(m, s);
  }
  return buildResult(inst, c, fin, { t0, now, iterations, seed, breaksAfterConstruction });
}

function buildResult(inst: Instance, c: Compiled, st: State, info: { t0: number; now: () => number; iterations: number; seed: number; breaksAfterConstruction: number }): ScheduleResult {
  const { S, M, mA, mB } = c;
  // Locations: booths of either participant first, then shared locations in the listed order.
  const shared: string[][] = Array.from({ length: S }, () => []);
  const booth = new Map<number, string>(); // p*S+s → location id
  const slotIndex = new Map(inst.slots.map((s, i) => [s.id, i]));
  const pIndex = new Map(inst.participants.map((p, i) => [p.id, i]));
  for (const l of inst.locations) {
    const avail = l.slots ? [...new Set(l.slots.map((s) => slotIndex.get(s)!))] : inst.slots.map((_, i) => i);
    if (l.owner !== undefined) {
      const p = pIndex.get(l.owner)!;
      for (const s of avail) if (!booth.has(p * S + s)) booth.set(p * S + s, l.id);
    } else for (const s of avail) shared[s]!.push(l.id);
  }
  // Meetings fixed to a location take it first (the search kept them apart); the others share the rest.
  const taken: Set<string>[] = Array.from({ length: S }, () => new Set());
  const locationOf: (string | null)[] = new Array(M).fill(null);
  for (let m = 0; m < M; m++) {
    const s = st.slotOf[m]!;
    if (s < 0 || c.locMode[m] === 0) continue;
    const id = inst.meetings[m]!.fixedLocation!;
    locationOf[m] = id;
    taken[s]!.add(id);
  }
  const nextShared = new Int32Array(S);
  const assignments: Assignment[] = [];
  for (let m = 0; m < M; m++) {
    const s = st.slotOf[m]!;
    if (s < 0) continue;
    let location = locationOf[m] ?? booth.get(mA[m]! * S + s) ?? booth.get(mB[m]! * S + s);
    if (location === undefined) {
      const list = shared[s]!;
      while (taken[s]!.has(list[nextShared[s]!]!)) nextShared[s]!++;
      location = list[nextShared[s]!++]!;
    }
    assignments.push({ meeting: inst.meetings[m]!.id, slot: inst.slots[s]!.id, location });
  }
  assignments.sort((x, y) => slotIndex.get(x.slot)! - slotIndex.get(y.slot)! || (x.location < y.location ? -1 : x.location > y.location ? 1 : 0));

  const unscheduled: Unscheduled[] = [];
  let totalWeight = 0;
  let placeableWeight = 0;
  for (let m = 0; m < M; m++) {
    totalWeight += c.weight[m]!;
    if (c.staticReason[m] === null) placeableWeight += c.weight[m]!;
    if (st.slotOf[m]! < 0) unscheduled.push(reasonFor(inst, c, st, m));
  }
  let spread = st.spread();
  const fairness = inst.fairness === undefined ? null : { d: inst.fairness, met: spread <= inst.fairness };
  const allPlaced = unscheduled.length === 0;
  const weightOptimal = allPlaced || Math.abs(st.weight - placeableWeight) < 1e-9;
  spread = Math.max(0, spread);
  return {
    assignments,
    unscheduled,
    breaks: st.totalBreaks,
    breakSpread: spread,
    fairness,
    scheduledWeight: st.weight,
    totalWeight,
    scheduledMeetings: st.scheduled,
    bound: {
      weight: { upper: allPlaced ? totalWeight : placeableWeight, proof: allPlaced ? 'all_scheduled' : 'trivial' },
      breaks: { lower: 0, proof: st.totalBreaks === 0 ? 'zero' : 'none' },
    },
    optimal: { weight: weightOptimal, breaks: weightOptimal && st.totalBreaks === 0 },
    stats: { timeMs: Math.round(info.now() - info.t0), iterations: info.iterations, seed: info.seed, breaksAfterConstruction: info.breaksAfterConstruction },
  };
}

function reasonFor(inst: Instance, c: Compiled, st: State, m: number): Unscheduled {
  const meeting = inst.meetings[m]!.id;
  const stat = c.staticReason[m];
  if (stat) return { meeting, reason: stat };
  for (let k = c.predStart[m]!; k < c.predStart[m + 1]!; k++) if (st.slotOf[c.predList[k]!]! < 0) return { meeting, reason: 'predecessor_unscheduled' };
  for (const p of [c.mA[m]!, c.mB[m]!]) if (st.count[p]! >= c.maxMeet[p]!) return { meeting, reason: 'max_meetings', participant: inst.participants[p]!.id };
  const { S } = c;
  let busy = false;
  let full = false;
  let order = false;
  let held = true;
  const r = c.fixRes[m]!;
  for (let s = 0; s < S; s++) {
    if (!c.dom[m * S + s]) continue;
    if (!st.precedenceOk(m, s)) order = true;
    else if (st.busy[c.mA[m]! * S + s] || st.busy[c.mB[m]! * S + s]) busy = true;
    else {
      full = true;
      if (r < 0 || !st.locBusy[r * S + s]) held = false;
    }
  }
  if (full && held && !busy) return { meeting, reason: 'fixed_location_taken' };
  if (busy && full) return { meeting, reason: 'participants_busy_or_locations_full' };
  if (busy) return { meeting, reason: 'participants_busy' };
  if (full) return { meeting, reason: 'locations_full' };
  return { meeting, reason: order ? 'no_slot_after_predecessors' : 'participants_busy' };
}

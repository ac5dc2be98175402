/**
 * The partnering scheduler's instance: the documented JSON format (docs/partnering/scheduler.md),
 * its zod schema, the checks a schema cannot express (references, unique ids, days in order,
 * precedence cycles), and the compiled form the solver works on (indices and typed arrays).
 * Pure: no I/O.
 */
import { z } from 'zod';

const id = z.string().min(1, 'must not be empty');

export const slotSchema = z.object({
  id,
  /** Slots are listed in time order; a day's slots are consecutive in the list. */
  day: id,
  /** Session label (e.g. "morning"); a meeting's `session` names one of these. */
  session: id.optional(),
  /** Display only, ignored by the solver. */
  start: z.string().optional(),
  end: z.string().optional(),
});

export const locationSchema = z.object({
  id,
  name: z.string().optional(),
  kind: z.enum(['table', 'room', 'booth', 'online']).optional(),
  /** A participant's own booth: only meetings involving the owner use it, and they use no shared location. */
  owner: id.optional(),
  /** Slots in which the location exists; all slots when absent. */
  slots: z.array(id).optional(),
});

export const participantSchema = z.object({
  id,
  name: z.string().optional(),
  /** Slots the participant cannot attend. */
  forbiddenSlots: z.array(id).optional(),
  /** At most this many scheduled meetings; no limit when absent. */
  maxMeetings: z.number().int().min(0).optional(),
});

export const meetingSchema = z.object({
  id,
  participants: z.tuple([id, id]),
  /** Positive; higher is more important (e.g. must meet 100, would like to 10, if time allows 1). */
  weight: z.number().positive().finite().optional(),
  /** Only in slots of this session. */
  session: id.optional(),
  /** Only in this slot (a meeting locked by hand, or already published). */
  fixedSlot: id.optional(),
  /**
   * Only at this location (a location id): a shared location, or the booth / online room of one of
   * the two participants. With `fixedSlot`, exactly that place (published or locked by hand).
   */
  fixedLocation: id.optional(),
  /** Meetings that must be scheduled, in an earlier slot, for this one to be scheduled. */
  predecessors: z.array(id).optional(),
});

export const instanceSchema = z.object({
  version: z.literal(1).optional(),
  name: z.string().optional(),
  slots: z.array(slotSchema).min(1, 'at least one slot'),
  locations: z.array(locationSchema),
  participants: z.array(participantSchema),
  meetings: z.array(meetingSchema),
  /** Fairness bound d: any two participants' break counts differ by at most d. */
  fairness: z.number().int().min(0).optional(),
});

export type Slot = z.infer<typeof slotSchema>;
export type Location = z.infer<typeof locationSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Instance = z.infer<typeof instanceSchema>;

export interface InstanceProblem {
  /** JSON path, e.g. `meetings[3].participants[1]`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; instance: Instance } | { ok: false; problems: InstanceProblem[] };

function pathString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out || '(root)';
}

/** Parses and checks an instance; every problem found is reported with its path. */
export function parseInstance(input: unknown): ParseResult {
  const parsed = instanceSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: pathString(i.path), message: i.message })) };
  }
  const problems = checkInstance(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, instance: parsed.data };
}

/** The checks beyond the schema: unique ids, references, days in order, no precedence cycle. */
export function checkInstance(inst: Instance): InstanceProblem[] {
  const problems: InstanceProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const unique = (list: { id: string }[], what: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add(`${what}[${i}].id`, `duplicate ${what.slice(0, -1)} id "${x.id}"`);
      seen.add(x.id);
    });
    return seen;
  };
  const slotIds = unique(inst.slots, 'slots');
  unique(inst.locations, 'locations');
  const locationById = new Map(inst.locations.map((l) => [l.id, l]));
  const participantIds = unique(inst.participants, 'participants');
  const meetingIds = unique(inst.meetings, 'meetings');
  const sessions = new Set(inst.slots.map((s) => s.session).filter((s): s is string => s !== undefined));

  const daysSeen = new Set<string>();
  inst.slots.forEach((s, i) => {
    if (i > 0 && inst.slots[i - 1]!.day !== s.day && daysSeen.has(s.day)) {
      add(`slots[${i}].day`, `the slots of day "${s.day}" must be consecutive in the list (slots are in time order)`);
    }
    daysSeen.add(s.day);
  });

  inst.locations.forEach((l, i) => {
    if (l.owner !== undefined && !participantIds.has(l.owner)) add(`locations[${i}].owner`, `unknown participant "${l.owner}"`);
    l.slots?.forEach((s, j) => {
      if (!slotIds.has(s)) add(`locations[${i}].slots[${j}]`, `unknown slot "${s}"`);
    });
  });
  inst.participants.forEach((p, i) => {
    p.forbiddenSlots?.forEach((s, j) => {
      if (!slotIds.has(s)) add(`participants[${i}].forbiddenSlots[${j}]`, `unknown slot "${s}"`);
    });
  });
  inst.meetings.forEach((m, i) => {
    m.participants.forEach((p, j) => {
      if (!participantIds.has(p)) add(`meetings[${i}].participants[${j}]`, `unknown participant "${p}"`);
    });
    if (m.participants[0] === m.participants[1]) add(`meetings[${i}].participants`, 'a meeting needs two different participants');
    if (m.session !== undefined && !sessions.has(m.session)) add(`meetings[${i}].session`, `no slot has session "${m.session}"`);
    if (m.fixedSlot !== undefined && !slotIds.has(m.fixedSlot)) add(`meetings[${i}].fixedSlot`, `unknown slot "${m.fixedSlot}"`);
    if (m.fixedLocation !== undefined) {
      const loc = locationById.get(m.fixedLocation);
      if (!loc) add(`meetings[${i}].fixedLocation`, `unknown location "${m.fixedLocation}"`);
      else if (loc.owner !== undefined && !m.participants.includes(loc.owner)) {
        add(`meetings[${i}].fixedLocation`, `location "${loc.id}" belongs to "${loc.owner}", who is not in this meeting`);
      }
    }
    m.predecessors?.forEach((p, j) => {
      if (!meetingIds.has(p)) add(`meetings[${i}].predecessors[${j}]`, `unknown meeting "${p}"`);
      else if (p === m.id) add(`meetings[${i}].predecessors[${j}]`, 'a meeting cannot come before itself');
    });
  });
  if (problems.length) return problems;

  // Precedence cycles (Kahn's algorithm on meeting indices).
  const index = new Map(inst.meetings.map((m, i) => [m.id, i]));
  const indegree = new Int32Array(inst.meetings.length);
  const succ: number[][] = inst.meetings.map(() => []);
  inst.meetings.forEach((m, i) => {
    for (const p of m.predecessors ?? []) {
      succ[index.get(p)!]!.push(i);
      indegree[i]!++;
    }
  });
  const queue: number[] = [];
  indegree.forEach((d, i) => d === 0 && queue.push(i));
  let done = 0;
  while (queue.length) {
    const i = queue.pop()!;
    done++;
    for (const j of succ[i]!) if (--indegree[j]! === 0) queue.push(j);
  }
  if (done < inst.meetings.length) {
    const i = indegree.findIndex((d) => d > 0);
    add(`meetings[${i}].predecessors`, `precedences form a cycle through meeting "${inst.meetings[i]!.id}"`);
  }
  return problems;
}

/** Why a meeting has no slot at all before anything else is scheduled. */
export type StaticReason = 'fixed_slot_forbidden' | 'fixed_slot_outside_session' | 'fixed_slot_no_location' | 'fixed_location_unavailable' | 'no_common_free_slot' | 'no_location' | 'max_meetings_zero' | 'no_slot_after_predecessors';

/** The solver's view: everything by index, in typed arrays. */
export interface Compiled {
  S: number;
  P: number;
  M: number;
  D: number;
  slotDay: Int32Array;
  /** First slot of each day, and one past its last. */
  dayStart: Int32Array;
  dayEnd: Int32Array;
  /** Shared (non-owned) locations available per slot. */
  cap: Int32Array;
  /** boothAt[p*S+s] = 1 when participant p owns a booth available in slot s. */
  boothAt: Uint8Array;
  mA: Int32Array;
  mB: Int32Array;
  weight: Float64Array;
  /**
   * Fixed locations: locMode[m] = 0 (any location), 1 (fixed to a shared location: it always takes
   * one of the slot's shared locations, and that one), 2 (fixed to the booth of one of its participants).
   */
  locMode: Uint8Array;
  /** For locMode 1: the index of the fixed shared location among `fixedLocations` (a unary resource), else -1. */
  fixRes: Int32Array;
  /** The shared locations some meeting is fixed to (ids); R = their number. */
  fixedLocations: string[];
  R: number;
  /** dom[m*S+s] = 1 when slot s is allowed for meeting m by session, fixed slot, fixed location, forbidden slots and locations. */
  dom: Uint8Array;
  domSize: Int32Array;
  staticReason: (StaticReason | null)[];
  maxMeet: Int32Array;
  predStart: Int32Array;
  predList: Int32Array;
  succStart: Int32Array;
  succList: Int32Array;
  /** Meetings in an order where predecessors come first. */
  topo: Int32Array;
  /** Meetings of each participant (CSR). */
  pmStart: Int32Array;
  pmList: Int32Array;
}

function csr(n: number, pairs: [number, number][]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const [a] of pairs) start[a + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(pairs.length);
  for (const [a, b] of pairs) list[fill[a]!++] = b;
  return { start, list };
}

/** Compiles a checked instance (parseInstance's result) into the solver's arrays. */
export function compileInstance(inst: Instance): Compiled {
  const S = inst.slots.length;
  const P = inst.participants.length;
  const M = inst.meetings.length;
  const slotIndex = new Map(inst.slots.map((s, i) => [s.id, i]));
  const pIndex = new Map(inst.participants.map((p, i) => [p.id, i]));
  const mIndex = new Map(inst.meetings.map((m, i) => [m.id, i]));

  const dayNames: string[] = [];
  const slotDay = new Int32Array(S);
  inst.slots.forEach((s, i) => {
    if (dayNames.at(-1) !== s.day) dayNames.push(s.day);
    slotDay[i] = dayNames.length - 1;
  });
  const D = dayNames.length;
  const dayStart = new Int32Array(D);
  const dayEnd = new Int32Array(D);
  for (let s = S - 1; s >= 0; s--) dayStart[slotDay[s]!] = s;
  for (let s = 0; s < S; s++) dayEnd[slotDay[s]!] = s + 1;

  const cap = new Int32Array(S);
  const boothAt = new Uint8Array(P * S);
  /** Slots in which each location exists. */
  const locSlots = new Map<string, Uint8Array>();
  for (const l of inst.locations) {
    const at = new Uint8Array(S);
    if (l.slots) for (const s of l.slots) at[slotIndex.get(s)!] = 1;
    else at.fill(1);
    locSlots.set(l.id, at);
  }
  const locationById = new Map(inst.locations.map((l) => [l.id, l]));
  const locMode = new Uint8Array(M);
  const fixRes = new Int32Array(M).fill(-1);
  const fixedLocations: string[] = [];
  const resIndex = new Map<string, number>();
  for (const l of inst.locations) {
    const avail = l.slots ? l.slots.map((s) => slotIndex.get(s)!) : inst.slots.map((_, i) => i);
    if (l.owner !== undefined) {
      const p = pIndex.get(l.owner)!;
      for (const s of avail) boothAt[p * S + s] = 1;
    } else for (const s of new Set(avail)) cap[s]!++;
  }

  const forbidden = new Uint8Array(P * S);
  const maxMeet = new Int32Array(P);
  inst.participants.forEach((p, i) => {
    for (const s of p.forbiddenSlots ?? []) forbidden[i * S + slotIndex.get(s)!] = 1;
    maxMeet[i] = p.maxMeetings ?? 0x3fffffff;
  });

  const mA = new Int32Array(M);
  const mB = new Int32Array(M);
  const weight = new Float64Array(M);
  const dom = new Uint8Array(M * S);
  const domSize = new Int32Array(M);
  const staticReason: (StaticReason | null)[] = new Array(M).fill(null);
  const predPairs: [number, number][] = [];
  const succPairs: [number, number][] = [];
  const pmPairs: [number, number][] = [];
  inst.meetings.forEach((m, i) => {
    const a = pIndex.get(m.participants[0])!;
    const b = pIndex.get(m.participants[1])!;
    mA[i] = a;
    mB[i] = b;
    pmPairs.push([a, i], [b, i]);
    weight[i] = m.weight ?? 1;
    const fixed = m.fixedSlot === undefined ? -1 : slotIndex.get(m.fixedSlot)!;
    const fixedAt = m.fixedLocation === undefined ? null : locSlots.get(m.fixedLocation)!;
    if (m.fixedLocation !== undefined) {
      const loc = locationById.get(m.fixedLocation)!;
      if (loc.owner !== undefined) locMode[i] = 2;
      else {
        locMode[i] = 1;
        let r = resIndex.get(loc.id);
        if (r === undefined) {
          r = fixedLocations.length;
          resIndex.set(loc.id, r);
          fixedLocations.push(loc.id);
        }
        fixRes[i] = r;
      }
    }
    let n = 0;
    let fixedLocationHit = false;
    let forbiddenHit = false;
    let sessionHit = false;
    let locationHit = false;
    for (let s = 0; s < S; s++) {
      if (fixed >= 0 && s !== fixed) continue;
      if (m.session !== undefined && inst.slots[s]!.session !== m.session) {
        sessionHit = true;
        continue;
      }
      if (forbidden[a * S + s] || forbidden[b * S + s]) {
        forbiddenHit = true;
        continue;
      }
      if (fixedAt) {
        if (!fixedAt[s]) {
          fixedLocationHit = true;
          continue;
        }
      } else if (cap[s] === 0 && !boothAt[a * S + s] && !boothAt[b * S + s]) {
        locationHit = true;
        continue;
      }
      dom[i * S + s] = 1;
      n++;
    }
    domSize[i] = n;
    if (maxMeet[a] === 0 || maxMeet[b] === 0) staticReason[i] = 'max_meetings_zero';
    else if (n === 0) {
      if (fixed >= 0) staticReason[i] = sessionHit ? 'fixed_slot_outside_session' : forbiddenHit ? 'fixed_slot_forbidden' : fixedLocationHit ? 'fixed_location_unavailable' : 'fixed_slot_no_location';
      else if (fixedLocationHit) staticReason[i] = 'fixed_location_unavailable';
      else staticReason[i] = forbiddenHit || sessionHit ? 'no_common_free_slot' : locationHit ? 'no_location' : 'no_common_free_slot';
    }
    for (const p of m.predecessors ?? []) {
      const j = mIndex.get(p)!;
      predPairs.push([i, j]);
      succPairs.push([j, i]);
    }
  });
  const pred = csr(M, predPairs);
  const succ = csr(M, succPairs);
  const pm = csr(P, pmPairs);

  // Topological order; among ready meetings the input order is kept. Also prune domains so
  // that a meeting's earliest slot is after its predecessors' earliest slots (and latest before successors').
  const indeg = new Int32Array(M);
  for (let i = 0; i < M; i++) indeg[i] = pred.start[i + 1]! - pred.start[i]!;
  const topo = new Int32Array(M);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < M; i++) if (indeg[i] === 0) topo[tail++] = i;
  while (head < tail) {
    const i = topo[head++]!;
    for (let k = succ.start[i]!; k < succ.start[i + 1]!; k++) {
      const j = succ.list[k]!;
      indeg[j] = indeg[j]! - 1;
      if (indeg[j] === 0) topo[tail++] = j;
    }
  }
  const earliest = new Int32Array(M);
  for (let t = 0; t < M; t++) {
    const i = topo[t]!;
    let lo = 0;
    for (let k = pred.start[i]!; k < pred.start[i + 1]!; k++) lo = Math.max(lo, earliest[pred.list[k]!]! + 1);
    let first = -1;
    for (let s = 0; s < S; s++) {
      if (!dom[i * S + s]) continue;
      if (s < lo) {
        dom[i * S + s] = 0;
        domSize[i]!--;
      } else if (first < 0) first = s;
    }
    earliest[i] = first < 0 ? S : first;
    if (domSize[i] === 0 && staticReason[i] === null) staticReason[i] = 'no_slot_after_predecessors';
  }
  return { S, P, M, D, slotDay, dayStart, dayEnd, cap, boothAt, mA, mB, weight, locMode, fixRes, fixedLocations, R: fixedLocations.length, dom, domSize, staticReason, maxMeet, predStart: pred.start, predList: pred.list, succStart: succ.start, succList: succ.list, topo, pmStart: pm.start, pmList: pm.list };
}

/**
 * The solver's mutable state over a compiled instance: which slot each meeting is in, who is busy
 * when, shared locations used per slot, and breaks per participant kept up to date incrementally.
 * Everything is in typed arrays so that 50,000 meetings × 48 slots stays small and fast.
 */
import type { Compiled } from './instance';

export class State {
  readonly c: Compiled;
  readonly slotOf: Int32Array;
  /** busy[p*S+s] = meeting index + 1, or 0 when p is free in s. */
  readonly busy: Int32Array;
  /** Shared locations used per slot. */
  readonly load: Int32Array;
  /** 1 when the meeting uses a shared location in its current slot (0: an owner's booth). */
  readonly shared: Uint8Array;
  readonly count: Int32Array;
  /** locBusy[r*S+s] = meeting index + 1 holding fixed shared location r in slot s, or 0. */
  readonly locBusy: Int32Array;
  readonly pBreaks: Int32Array;
  /** hist[k] = number of participants with k breaks (for the spread). */
  readonly hist: Int32Array;
  /** Participants with at least one break, in no order (badPos[p] = index or -1). */
  readonly bad: Int32Array;
  readonly badPos: Int32Array;
  badCount = 0;
  totalBreaks = 0;
  weight = 0;
  scheduled = 0;

  constructor(c: Compiled) {
    this.c = c;
    this.slotOf = new Int32Array(c.M).fill(-1);
    this.busy = new Int32Array(c.P * c.S);
    this.load = new Int32Array(c.S);
    this.shared = new Uint8Array(c.M);
    this.count = new Int32Array(c.P);
    this.locBusy = new Int32Array(c.R * c.S);
    this.pBreaks = new Int32Array(c.P);
    this.hist = new Int32Array(c.S + 2);
    this.hist[0] = c.P;
    this.bad = new Int32Array(c.P);
    this.badPos = new Int32Array(c.P).fill(-1);
  }

  needsShared(m: number, s: number): boolean {
    const { boothAt, S, mA, mB, locMode } = this.c;
    if (locMode[m] !== 0) return locMode[m] === 1;
    return !boothAt[mA[m]! * S + s] && !boothAt[mB[m]! * S + s];
  }

  /** Precedences hold if m were in slot s (predecessors scheduled earlier, scheduled successors later). */
  precedenceOk(m: number, s: number): boolean {
    const { predStart, predList, succStart, succList } = this.c;
    for (let k = predStart[m]!; k < predStart[m + 1]!; k++) {
      const t = this.slotOf[predList[k]!]!;
      if (t < 0 || t >= s) return false;
    }
    for (let k = succStart[m]!; k < succStart[m + 1]!; k++) {
      const t = this.slotOf[succList[k]!]!;
      if (t >= 0 && t <= s) return false;
    }
    return true;
  }

  /** Every hard rule allows placing the unscheduled meeting m in slot s. */
  canPlace(m: number, s: number): boolean {
    const c = this.c;
    const S = c.S;
    const a = c.mA[m]!;
    const b = c.mB[m]!;
    if (!c.dom[m * S + s] || this.busy[a * S + s] || this.busy[b * S + s]) return false;
    if (this.count[a]! >= c.maxMeet[a]! || this.count[b]! >= c.maxMeet[b]!) return false;
    if (this.needsShared(m, s) && this.load[s]! >= c.cap[s]!) return false;
    const r = c.fixRes[m]!;
    if (r >= 0 && this.locBusy[r * S + s]) return false;
    return this.precedenceOk(m, s);
  }

  /** Breaks of participant p on day d, from the busy array. */
  dayBreaks(p: number, d: number): number {
    const { S, dayStart, dayEnd } = this.c;
    const base = p * S;
    let seen = false;
    let gap = false;
    let br = 0;
    for (let s = dayStart[d]!, e = dayEnd[d]!; s < e; s++) {
      if (this.busy[base + s]) {
        if (gap) br++;
        seen = true;
        gap = false;
      } else if (seen) gap = true;
    }
    return br;
  }

  participantBreaks(p: number): number {
    let b = 0;
    for (let d = 0; d < this.c.D; d++) b += this.dayBreaks(p, d);
    return b;
  }

  /** Breaks p would gain if also busy in s (p free in s). */
  addDelta(p: number, s: number): number {
    const { S, slotDay, dayStart, dayEnd } = this.c;
    const d = slotDay[s]!;
    const base = p * S;
    let prev = -1;
    for (let t = s - 1; t >= dayStart[d]!; t--)
      if (this.busy[base + t]) {
        prev = t;
        break;
      }
    let next = -1;
    for (let t = s + 1; t < dayEnd[d]!; t++)
      if (this.busy[base + t]) {
        next = t;
        break;
      }
    if (prev < 0 && next < 0) return 0;
    if (prev < 0) return next - s > 1 ? 1 : 0;
    if (next < 0) return s - prev > 1 ? 1 : 0;
    return (s - prev > 1 ? 1 : 0) + (next - s > 1 ? 1 : 0) - 1;
  }

  setBreaks(p: number, b: number): void {
    const old = this.pBreaks[p]!;
    if (old === b) return;
    this.hist[old]!--;
    this.hist[b]!++;
    this.pBreaks[p] = b;
    this.totalBreaks += b - old;
    if (old === 0) {
      this.badPos[p] = this.badCount;
      this.bad[this.badCount++] = p;
    } else if (b === 0) {
      const i = this.badPos[p]!;
      const last = this.bad[--this.badCount]!;
      this.bad[i] = last;
      this.badPos[last] = i;
      this.badPos[p] = -1;
    }
  }

  spread(): number {
    const h = this.hist;
    let lo = 0;
    while (lo < h.length && h[lo] === 0) lo++;
    if (lo === h.length) return 0;
    let hi = h.length - 1;
    while (h[hi] === 0) hi--;
    return hi - lo;
  }

  place(m: number, s: number): void {
    const c = this.c;
    const S = c.S;
    const a = c.mA[m]!;
    const b = c.mB[m]!;
    this.slotOf[m] = s;
    this.busy[a * S + s] = m + 1;
    this.busy[b * S + s] = m + 1;
    const sh = this.needsShared(m, s) ? 1 : 0;
    this.shared[m] = sh;
    this.load[s]! += sh;
    const r = c.fixRes[m]!;
    if (r >= 0) this.locBusy[r * S + s] = m + 1;
    this.count[a]!++;
    this.count[b]!++;
    this.weight += c.weight[m]!;
    this.scheduled++;
    this.setBreaks(a, this.participantBreaks(a));
    this.setBreaks(b, this.participantBreaks(b));
  }

  unplace(m: number): void {
    const c = this.c;
    const S = c.S;
    const s = this.slotOf[m]!;
    const a = c.mA[m]!;
    const b = c.mB[m]!;
    this.slotOf[m] = -1;
    this.busy[a * S + s] = 0;
    this.busy[b * S + s] = 0;
    this.load[s]! -= this.shared[m]!;
    this.shared[m] = 0;
    const r = c.fixRes[m]!;
    if (r >= 0) this.locBusy[r * S + s] = 0;
    this.count[a]!--;
    this.count[b]!--;
    this.weight -= c.weight[m]!;
    this.scheduled--;
    this.setBreaks(a, this.participantBreaks(a));
    this.setBreaks(b, this.participantBreaks(b));
  }
}

/** Small, fast, seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

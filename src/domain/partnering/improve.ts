/**
 * Phase 2, breaks: simulated annealing over Kempe-chain exchanges with the scheduled set fixed.
 * A move takes meeting m from slot s1 to s2; the meetings of its participants in s2 go to s1,
 * the meetings of theirs in s1 go to s2, and so on (the chain of slots s1/s2 through m), so no
 * participant is ever double-booked. A chain is taken only if every meeting in it allows its new
 * slot (forbidden slots, session, fixed slot, precedences) and both slots keep enough locations.
 * The cost is breaks × K + how far the break spread exceeds the fairness bound (lexicographic).
 * Unscheduled meetings that have become placeable are inserted as they appear.
 */
import { bestSlot } from './construct';
import type { State } from './state';

export interface ImproveOptions {
  deadline: number;
  maxIterations: number;
  fairness: number | undefined;
  random: () => number;
  now: () => number;
}

const MAX_CHAIN = 24;

export function improve(st: State, o: ImproveOptions): { iterations: number; best: Int32Array } {
  const c = st.c;
  const { S, M, P, mA, mB, dom, slotDay, pmStart, pmList, cap, predStart, predList, succStart, succList, staticReason } = c;
  const K = S + 2;
  const excess = () => (o.fairness === undefined ? 0 : Math.max(0, st.spread() - o.fairness));
  const cost = () => st.totalBreaks * K + excess();
  const hasPrec = new Uint8Array(M);
  for (let m = 0; m < M; m++) hasPrec[m] = predStart[m + 1]! > predStart[m]! || succStart[m + 1]! > succStart[m]! ? 1 : 0;

  let current = cost();
  let bestCost = current;
  let bestWeight = st.weight;
  const best = st.slotOf.slice();
  const keepBest = () => {
    bestCost = current;
    bestWeight = st.weight;
    best.set(st.slotOf);
  };
  const mark = new Int32Array(M);
  const pmark = new Int32Array(P);
  let stamp = 0;
  const chain = new Int32Array(MAX_CHAIN);
  const unscheduled: number[] = [];
  for (let m = 0; m < M; m++) if (st.slotOf[m]! < 0 && staticReason[m] === null) unscheduled.push(m);

  const focus = 0.7;
  const T0 = 0.6;
  const T1 = 0.02;
  const start = o.now();
  const span = Math.max(1, o.deadline - start);
  let T = T0;
  let it = 0;
  const scheduledList: number[] = [];
  for (let m = 0; m < M; m++) if (st.slotOf[m]! >= 0) scheduledList.push(m);
  if (!scheduledList.length) return { iterations: 0, best };

  /** Collects the s1/s2 chain through m into `chain`; returns its length, or -1 when too long or not allowed. */
  const collect = (m: number, s1: number, s2: number): number => {
    stamp++;
    let n = 0;
    chain[n++] = m;
    mark[m] = stamp;
    for (let i = 0; i < n; i++) {
      const x = chain[i]!;
      const other = st.slotOf[x] === s1 ? s2 : s1;
      if (!dom[x * S + other]) return -1;
      for (let side = 0; side < 2; side++) {
        const p = side === 0 ? mA[x]! : mB[x]!;
        const y = st.busy[p * S + other]! - 1;
        if (y >= 0 && mark[y] !== stamp) {
          if (n >= MAX_CHAIN) return -1;
          mark[y] = stamp;
          chain[n++] = y;
        }
      }
    }
    return n;
  };
  const newSlot = (y: number, s1: number, s2: number) => (mark[y] === stamp ? (st.slotOf[y] === s1 ? s2 : s1) : st.slotOf[y]!);
  const chainFeasible = (n: number, s1: number, s2: number): boolean => {
    let d1 = 0;
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const x = chain[i]!;
      const from = st.slotOf[x]!;
      const to = from === s1 ? s2 : s1;
      const sh = st.needsShared(x, to) ? 1 : 0;
      if (from === s1) {
        d1 -= st.shared[x]!;
        d2 += sh;
      } else {
        d2 -= st.shared[x]!;
        d1 += sh;
      }
      if (hasPrec[x]) {
        for (let k = predStart[x]!; k < predStart[x + 1]!; k++) if (newSlot(predList[k]!, s1, s2) >= to) return false;
        for (let k = succStart[x]!; k < succStart[x + 1]!; k++) {
          const t = newSlot(succList[k]!, s1, s2);
          if (t >= 0 && t <= to) return false;
        }
      }
    }
    return st.load[s1]! + d1 <= cap[s1]! && st.load[s2]! + d2 <= cap[s2]!;
  };
  /** Swaps the chain's slots and updates the breaks of its participants. */
  const swap = (n: number, s1: number, s2: number): void => {
    for (let i = 0; i < n; i++) {
      const x = chain[i]!;
      const from = st.slotOf[x]!;
      st.busy[mA[x]! * S + from] = 0;
      st.busy[mB[x]! * S + from] = 0;
      st.load[from]! -= st.shared[x]!;
    }
    for (let i = 0; i < n; i++) {
      const x = chain[i]!;
      const to = st.slotOf[x] === s1 ? s2 : s1;
      st.slotOf[x] = to;
      st.busy[mA[x]! * S + to] = x + 1;
      st.busy[mB[x]! * S + to] = x + 1;
      const sh = st.needsShared(x, to) ? 1 : 0;
      st.shared[x] = sh;
      st.load[to]! += sh;
    }
    stamp++;
    const d1 = slotDay[s1]!;
    const d2 = slotDay[s2]!;
    for (let i = 0; i < n; i++) {
      const x = chain[i]!;
      for (let side = 0; side < 2; side++) {
        const p = side === 0 ? mA[x]! : mB[x]!;
        if (pmark[p] === stamp) continue;
        pmark[p] = stamp;
        let b = st.pBreaks[p]!;
        // Only the days of s1 and s2 change.
        b += recount(p, d1);
        if (d2 !== d1) b += recount(p, d2);
        st.setBreaks(p, b);
      }
    }
  };
  // Breaks of p on day d now, minus what they were (kept per participant-day in dayB).
  const dayB = new Int32Array(P * c.D);
  for (let p = 0; p < P; p++) for (let d = 0; d < c.D; d++) dayB[p * c.D + d] = st.dayBreaks(p, d);
  const recount = (p: number, d: number): number => {
    const now = st.dayBreaks(p, d);
    const diff = now - dayB[p * c.D + d]!;
    dayB[p * c.D + d] = now;
    return diff;
  };

  /** Frees slot s for u by swapping the blocking meetings' chains to another slot; places u if that works. */
  const chainInsert = (u: number): boolean => {
    const a = mA[u]!;
    const b = mB[u]!;
    if (st.count[a]! >= c.maxMeet[a]! || st.count[b]! >= c.maxMeet[b]!) return false;
    for (let s = 0; s < S; s++) {
      if (!dom[u * S + s] || !st.precedenceOk(u, s)) continue;
      const x = st.busy[a * S + s]! - 1;
      const y = st.busy[b * S + s]! - 1;
      const first = x >= 0 ? x : y;
      if (first < 0) continue; // only capacity blocks it: left to the moves
      for (let s2 = 0; s2 < S; s2++) {
        if (s2 === s) continue;
        const n = collect(first, s, s2);
        if (n < 0 || !chainFeasible(n, s, s2)) continue;
        swap(n, s, s2);
        if (st.canPlace(u, s)) {
          st.place(u, s);
          return true;
        }
        // The other participant may still be busy: try a second chain.
        const z = st.busy[a * S + s]! - 1 >= 0 ? st.busy[a * S + s]! - 1 : st.busy[b * S + s]! - 1;
        if (z >= 0) {
          const savedN = n;
          const saved = chain.slice(0, savedN);
          for (let s3 = 0; s3 < S; s3++) {
            if (s3 === s) continue;
            const n2 = collect(z, s, s3);
            if (n2 < 0 || !chainFeasible(n2, s, s3)) continue;
            swap(n2, s, s3);
            if (st.canPlace(u, s)) {
              st.place(u, s);
              return true;
            }
            swap(n2, s, s3);
          }
          chain.set(saved);
          swap(savedN, s, s2);
        } else swap(n, s, s2);
      }
    }
    return false;
  };
  const pickTarget = (m: number, p: number): number => {
    // Mostly: next to another meeting of p (or of the partner) on the same day, where a gap would close.
    const r = o.random();
    if (r < 0.7) {
      const k0 = pmStart[p]!;
      const deg = pmStart[p + 1]! - k0;
      const y = pmList[k0 + Math.floor(o.random() * deg)]!;
      const t = st.slotOf[y]!;
      if (t >= 0 && y !== m) {
        const s = o.random() < 0.5 ? t - 1 : t + 1;
        if (s >= 0 && s < S && slotDay[s] === slotDay[t]) return s;
      }
    }
    return Math.floor(o.random() * S);
  };

  while (it < o.maxIterations) {
    if ((it & 1023) === 0) {
      const now = o.now();
      if (now >= o.deadline) break;
      T = T0 * Math.pow(T1 / T0, (now - start) / span);
      if (current === 0) break;
      // Insert meetings that now fit (never lowers the weight).
      if ((it & 4095) === 0 && unscheduled.length) {
        for (let i = unscheduled.length - 1; i >= 0; i--) {
          const u = unscheduled[i]!;
          if (st.slotOf[u]! >= 0) continue;
          const s = bestSlot(st, u);
          if (s >= 0 || chainInsert(u)) {
            if (s >= 0) st.place(u, s);
            const dd = c.D;
            for (const p of [mA[u]!, mB[u]!]) for (let d = 0; d < dd; d++) dayB[p * dd + d] = st.dayBreaks(p, d);
            scheduledList.push(u);
            unscheduled.splice(i, 1);
          }
        }
        current = cost();
        if (st.weight > bestWeight || current < bestCost) keepBest();
      }
    }
    it++;
    let m: number;
    let s2: number;
    if (st.badCount > 0 && o.random() < focus) {
      // A participant with a break: move one of their meetings on that day into a gap, or next to the others.
      const p = st.bad[Math.floor(o.random() * st.badCount)]!;
      const base = p * S;
      const k0 = pmStart[p]!;
      const deg = pmStart[p + 1]! - k0;
      m = pmList[k0 + Math.floor(o.random() * deg)]!;
      const t = st.slotOf[m]!;
      if (t < 0) continue;
      const d = slotDay[t]!;
      // Idle slots of p between their first and last meeting of the day.
      let first = -1;
      let last = -1;
      for (let s = c.dayStart[d]!; s < c.dayEnd[d]!; s++)
        if (st.busy[base + s]) {
          if (first < 0) first = s;
          last = s;
        }
      let idle = 0;
      for (let s = first; s <= last; s++) if (!st.busy[base + s]) idle++;
      if (idle === 0) {
        s2 = pickTarget(m, p);
      } else {
        const r = o.random();
        if (r < 0.6) {
          let k = Math.floor(o.random() * idle);
          s2 = first;
          for (let s = first; s <= last; s++)
            if (!st.busy[base + s] && k-- === 0) {
              s2 = s;
              break;
            }
        } else if (r < 0.8) s2 = first - 1;
        else s2 = last + 1;
        if (s2 < c.dayStart[d]! || s2 >= c.dayEnd[d]!) continue;
      }
    } else {
      m = scheduledList[Math.floor(o.random() * scheduledList.length)]!;
      let p = o.random() < 0.5 ? mA[m]! : mB[m]!;
      if (st.pBreaks[p] === 0 && o.random() < 0.5) {
        const q = p === mA[m] ? mB[m]! : mA[m]!;
        if (st.pBreaks[q]! > 0) p = q;
      }
      s2 = pickTarget(m, p);
    }
    const s1 = st.slotOf[m]!;
    if (s2 === s1 || !dom[m * S + s2]) continue;
    const n = collect(m, s1, s2);
    if (n < 0 || !chainFeasible(n, s1, s2)) continue;
    swap(n, s1, s2);
    const next = cost();
    const delta = next - current;
    if (delta <= 0 || o.random() < Math.exp(-delta / (T * K))) {
      current = next;
      if (st.weight > bestWeight || current < bestCost) keepBest();
    } else {
      // The chain is symmetric: swapping again restores the state.
      swap(n, s1, s2);
    }
  }
  if (st.weight > bestWeight || current < bestCost) best.set(st.slotOf);
  return { iterations: it, best };
}

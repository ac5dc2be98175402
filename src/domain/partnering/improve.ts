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
import { assign, BLOCK_INF } from './scheduler-block';
import type { State } from './state';

export interface ImproveOptions {
  deadline: number;
  maxIterations: number;
  fairness: number | undefined;
  random: () => number;
  now: () => number;
}

const MAX_CHAIN = 24;
/** Share of the moves that are block moves (scheduler-block.ts). */
const BLOCK_RATE = 0.02;

export function improve(st: State, o: ImproveOptions): { iterations: number; best: Int32Array } {
  const c = st.c;
  const { S, M, P, mA, mB, dom, slotDay, pmStart, pmList, cap, predStart, predList, succStart, succList, staticReason, fixRes } = c;
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
    return extend(m, 0, s1, s2);
  };
  /** Appends the s1/s2 chain through m (not yet in the chain) to the chain of length n. */
  const extend = (m: number, n0: number, s1: number, s2: number): number => {
    let n = n0;
    if (n >= MAX_CHAIN) return -1;
    chain[n++] = m;
    mark[m] = stamp;
    for (let i = n0; i < n; i++) {
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
  /** Set by chainFeasible when only the shared locations of a slot stop the chain: that slot, else -1. */
  let overflow = -1;
  const newSlot = (y: number, s1: number, s2: number) => (mark[y] === stamp ? (st.slotOf[y] === s1 ? s2 : s1) : st.slotOf[y]!);
  const chainFeasible = (n: number, s1: number, s2: number): boolean => {
    overflow = -1;
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
      const r = fixRes[x]!;
      if (r >= 0) {
        // A fixed shared location is a unary resource: free in the new slot, or left by a chain member.
        const y = st.locBusy[r * S + to]! - 1;
        if (y >= 0 && mark[y] !== stamp) return false;
      }
      if (hasPrec[x]) {
        for (let k = predStart[x]!; k < predStart[x + 1]!; k++) if (newSlot(predList[k]!, s1, s2) >= to) return false;
        for (let k = succStart[x]!; k < succStart[x + 1]!; k++) {
          const t = newSlot(succList[k]!, s1, s2);
          if (t >= 0 && t <= to) return false;
        }
      }
    }
    const ok1 = st.load[s1]! + d1 <= cap[s1]!;
    const ok2 = st.load[s2]! + d2 <= cap[s2]!;
    overflow = ok1 && !ok2 ? s2 : ok2 && !ok1 ? s1 : -1;
    return ok1 && ok2;
  };
  /** Swaps the chain's slots and updates the breaks of its participants. */
  const swap = (n: number, s1: number, s2: number): void => {
    for (let i = 0; i < n; i++) {
      const x = chain[i]!;
      const from = st.slotOf[x]!;
      st.busy[mA[x]! * S + from] = 0;
      st.busy[mB[x]! * S + from] = 0;
      st.load[from]! -= st.shared[x]!;
      if (fixRes[x]! >= 0) st.locBusy[fixRes[x]! * S + from] = 0;
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
      if (fixRes[x]! >= 0) st.locBusy[fixRes[x]! * S + to] = x + 1;
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
      const held = fixRes[u]! >= 0 ? st.locBusy[fixRes[u]! * S + s]! - 1 : -1;
      const first = x >= 0 ? x : y >= 0 ? y : held;
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
        const z = st.busy[a * S + s]! - 1 >= 0 ? st.busy[a * S + s]! - 1 : st.busy[b * S + s]! - 1 >= 0 ? st.busy[b * S + s]! - 1 : fixRes[u]! >= 0 ? st.locBusy[fixRes[u]! * S + s]! - 1 : -1;
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

  // The block move (scheduler-block.ts): p's meetings of day d into one unbroken block, each in the
  // slot its partner likes best; applied when the cost does not rise.
  const D = c.D;
  const blockCost = new Float64Array(S * S);
  const blockMat = new Float64Array(S * S);
  const blockMs: number[] = [];
  const blockOld: number[] = [];
  const moveAll = (list: readonly number[], to: readonly number[], p: number, d: number): void => {
    for (const x of list) {
      const from = st.slotOf[x]!;
      st.busy[mA[x]! * S + from] = 0;
      st.busy[mB[x]! * S + from] = 0;
      st.load[from]! -= st.shared[x]!;
      if (fixRes[x]! >= 0) st.locBusy[fixRes[x]! * S + from] = 0;
    }
    list.forEach((x, i) => {
      const t = to[i]!;
      st.slotOf[x] = t;
      st.busy[mA[x]! * S + t] = x + 1;
      st.busy[mB[x]! * S + t] = x + 1;
      const sh = st.needsShared(x, t) ? 1 : 0;
      st.shared[x] = sh;
      st.load[t]! += sh;
      if (fixRes[x]! >= 0) st.locBusy[fixRes[x]! * S + t] = x + 1;
    });
    st.setBreaks(p, st.pBreaks[p]! + recount(p, d));
    for (const x of list) {
      const q = mA[x] === p ? mB[x]! : mA[x]!;
      st.setBreaks(q, st.pBreaks[q]! + recount(q, d));
    }
  };
  const blockMove = (p: number, d: number): boolean => {
    const base = p * S;
    const lo = c.dayStart[d]!;
    const hi = c.dayEnd[d]!;
    const width = hi - lo;
    blockMs.length = 0;
    for (let s = lo; s < hi; s++) {
      const x = st.busy[base + s]! - 1;
      if (x >= 0) {
        if (hasPrec[x]) return false;
        blockMs.push(x);
      }
    }
    const k = blockMs.length;
    if (k < 2) return false;
    for (let i = 0; i < k; i++) {
      const m = blockMs[i]!;
      const q = mA[m] === p ? mB[m]! : mA[m]!;
      const from = st.slotOf[m]!;
      const qb = q * S;
      const before = dayB[q * D + d]!;
      for (let s = lo; s < hi; s++) {
        let cst = 0;
        if (s !== from) {
          const y = st.busy[base + s]! - 1;
          if (!dom[m * S + s] || st.busy[qb + s]) cst = BLOCK_INF;
          else if (fixRes[m]! >= 0 && st.locBusy[fixRes[m]! * S + s]) cst = BLOCK_INF;
          else if (st.needsShared(m, s) && st.load[s]! - (y >= 0 ? st.shared[y]! : 0) + 1 > cap[s]!) cst = BLOCK_INF;
          else {
            st.busy[qb + from] = 0;
            st.busy[qb + s] = m + 1;
            cst = st.dayBreaks(q, d) - before;
            st.busy[qb + s] = 0;
            st.busy[qb + from] = m + 1;
          }
        }
        blockCost[i * width + (s - lo)] = cst;
      }
    }
    let bestT = -1;
    let bestTotal = Infinity;
    let bestAssign: Int32Array | null = null;
    for (let t = lo; t + k <= hi; t++) {
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) blockMat[i * k + j] = blockCost[i * width + (t - lo + j)]!;
      const a = assign(k, blockMat.subarray(0, k * k));
      if (!a) continue;
      let total = 0;
      for (let i = 0; i < k; i++) total += blockMat[i * k + a[i]!]!;
      if (total < bestTotal || (total === bestTotal && o.random() < 0.5)) {
        bestTotal = total;
        bestT = t;
        bestAssign = a;
      }
    }
    if (!bestAssign) return false;
    // Same cost or better in breaks (p has none afterwards); the full cost decides, with fairness.
    if (bestTotal - dayB[p * D + d]! > 0) return false;
    blockOld.length = 0;
    for (const x of blockMs) blockOld.push(st.slotOf[x]!);
    const to = blockMs.map((_, i) => bestT + bestAssign[i]!);
    moveAll(blockMs, to, p, d);
    const next = cost();
    if (next <= current) {
      current = next;
      if (st.weight > bestWeight || current < bestCost) keepBest();
      return true;
    }
    moveAll(blockMs, blockOld, p, d);
    return false;
  };

  // Block sweeps first: every participant-day with meetings, until a sweep changes nothing.
  for (let round = 0; round < 8 && current > 0 && it < o.maxIterations && o.now() < o.deadline; round++) {
    const before = current;
    for (let p = 0; p < P && it < o.maxIterations; p++) {
      for (let d = 0; d < D; d++) {
        it++;
        blockMove(p, d);
      }
    }
    if (current >= before) break;
  }

  while (it < o.maxIterations) {
    if ((it & 1023) === 0) {
      const now = o.now();
      if (now >= o.deadline) break;
      // Cooling follows whichever budget runs out first: the clock or the move limit.
      const progress = Math.min(1, Math.max((now - start) / span, Number.isFinite(o.maxIterations) ? it / o.maxIterations : 0));
      T = T0 * Math.pow(T1 / T0, progress);
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
      if (o.random() < BLOCK_RATE) {
        blockMove(p, d);
        continue;
      }
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
      if (o.random() < BLOCK_RATE) {
        // A block move of someone without a break can still close their partners' gaps.
        blockMove(p, slotDay[st.slotOf[m]!]!);
        continue;
      }
      if (st.pBreaks[p] === 0 && o.random() < 0.5) {
        const q = p === mA[m] ? mB[m]! : mA[m]!;
        if (st.pBreaks[q]! > 0) p = q;
      }
      s2 = pickTarget(m, p);
    }
    const s1 = st.slotOf[m]!;
    if (s2 === s1 || !dom[m * S + s2]) continue;
    let n = collect(m, s1, s2);
    if (n < 0) continue;
    if (!chainFeasible(n, s1, s2)) {
      // Only the locations of one slot are short: take along the chain of a meeting that leaves it.
      const full = overflow;
      if (full < 0) continue;
      let y = -1;
      for (let probe = 0; probe < 32; probe++) {
        const x = scheduledList[Math.floor(o.random() * scheduledList.length)]!;
        if (st.slotOf[x] === full && st.shared[x] && mark[x] !== stamp) {
          y = x;
          break;
        }
      }
      if (y < 0) continue;
      n = extend(y, n, s1, s2);
      if (n < 0 || !chainFeasible(n, s1, s2)) continue;
    }
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

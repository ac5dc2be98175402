/**
 * Phase 1, weight first: a greedy construction (heaviest meetings first, predecessors before
 * successors, participants' meetings visited together so that they form blocks), each meeting in
 * the allowed slot that adds the fewest breaks; then a repair that inserts left-over meetings by
 * moving the meetings in the way to other slots, or by replacing lighter ones.
 */
import type { State } from './state';

/** Meeting order: weight descending; within a weight, participants visited breadth-first. */
export function constructionOrder(st: State, random: () => number): Int32Array {
  const c = st.c;
  const { P, M, pmStart, pmList, mA, mB, weight } = c;
  const pos = new Int32Array(M).fill(-1);
  const seenP = new Uint8Array(P);
  const parts = Array.from({ length: P }, (_, i) => i).sort((x, y) => pmStart[y + 1]! - pmStart[y]! - (pmStart[x + 1]! - pmStart[x]!) || random() - 0.5);
  const queue = new Int32Array(P);
  let n = 0;
  for (const root of parts) {
    if (seenP[root]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    seenP[root] = 1;
    while (head < tail) {
      const p = queue[head++]!;
      for (let k = pmStart[p]!; k < pmStart[p + 1]!; k++) {
        const m = pmList[k]!;
        if (pos[m]! < 0) pos[m] = n++;
        const q = mA[m] === p ? mB[m]! : mA[m]!;
        if (!seenP[q]) {
          seenP[q] = 1;
          queue[tail++] = q;
        }
      }
    }
  }
  const order = Int32Array.from({ length: M }, (_, i) => i);
  order.sort((x, y) => weight[y]! - weight[x]! || pos[x]! - pos[y]!);
  return order;
}

/** The allowed slot for m adding the fewest breaks (ties: adjacent to both, then less crowded), or -1. */
export function bestSlot(st: State, m: number): number {
  const c = st.c;
  const { S, mA, mB, cap, dom } = c;
  const a = mA[m]!;
  const b = mB[m]!;
  let best = -1;
  let bestScore = Infinity;
  const early = c.succStart[m + 1]! > c.succStart[m]!;
  for (let s = 0; s < S; s++) {
    if (!dom[m * S + s] || !st.canPlace(m, s)) continue;
    const da = st.addDelta(a, s);
    const db = st.addDelta(b, s);
    // Adjacent to an existing meeting keeps the blocks growing from their ends.
    const adj = adjacent(st, a, s) + adjacent(st, b, s);
    // A meeting with successors goes as early as it can, leaving them room.
    const score = (da + db) * 16 - adj * 2 + (cap[s]! > 0 ? st.load[s]! / cap[s]! : 0) + (early ? s * 1000 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

function adjacent(st: State, p: number, s: number): number {
  const { S, slotDay } = st.c;
  const base = p * S;
  if (s > 0 && slotDay[s - 1] === slotDay[s] && st.busy[base + s - 1]) return 1;
  if (s + 1 < S && slotDay[s + 1] === slotDay[s] && st.busy[base + s + 1]) return 1;
  return 0;
}

export function construct(st: State, order: Int32Array): void {
  const c = st.c;
  const { predStart, predList, staticReason } = c;
  const done = new Uint8Array(c.M);
  let pending: number[] = [];
  const tryOne = (m: number) => {
    done[m] = 1;
    if (staticReason[m] !== null) return;
    const s = bestSlot(st, m);
    if (s >= 0) st.place(m, s);
  };
  for (const m of order) {
    let ready = true;
    for (let k = predStart[m]!; k < predStart[m + 1]!; k++) if (!done[predList[k]!]) ready = false;
    if (ready) tryOne(m);
    else pending.push(m);
  }
  while (pending.length) {
    const next: number[] = [];
    for (const m of pending) {
      let ready = true;
      for (let k = predStart[m]!; k < predStart[m + 1]!; k++) if (!done[predList[k]!]) ready = false;
      if (ready) tryOne(m);
      else next.push(m);
    }
    if (next.length === pending.length) break; // cannot happen: precedences are acyclic
    pending = next;
  }
}

function hasPrecedences(st: State, m: number): boolean {
  const c = st.c;
  return c.predStart[m + 1]! > c.predStart[m]! || c.succStart[m + 1]! > c.succStart[m]!;
}

/** Moves scheduled meeting x to another slot where it fits as it is; true when moved. */
function relocate(st: State, x: number, avoid: number): boolean {
  const from = st.slotOf[x]!;
  st.unplace(x);
  let best = -1;
  let bestDelta = Infinity;
  const { S, mA, mB } = st.c;
  for (let s = 0; s < S; s++) {
    if (s === avoid || s === from || !st.canPlace(x, s)) continue;
    const d = st.addDelta(mA[x]!, s) + st.addDelta(mB[x]!, s);
    if (d < bestDelta) {
      bestDelta = d;
      best = s;
    }
  }
  st.place(x, best >= 0 ? best : from);
  return best >= 0;
}

/**
 * Inserts unscheduled meetings, heaviest first: directly, or after moving the (at most two)
 * meetings of its participants in a slot and, when the slot is full, one meeting using a shared
 * location there; or by replacing lighter meetings in the way when that gains weight.
 * Returns the number of improvements; stops at the deadline.
 */
export function repairWeight(st: State, deadline: number, now: () => number): number {
  const c = st.c;
  const { S, M, mA, mB, weight, dom, staticReason, maxMeet, pmStart, pmList } = c;
  let improved = 0;
  for (let round = 0; round < 4; round++) {
    const left: number[] = [];
    for (let m = 0; m < M; m++) if (st.slotOf[m]! < 0 && staticReason[m] === null) left.push(m);
    if (!left.length) return improved;
    left.sort((x, y) => weight[y]! - weight[x]!);
    let gained = false;
    // Meetings per slot, for the capacity case.
    const bySlot: number[][] = Array.from({ length: S }, () => []);
    for (let m = 0; m < M; m++) if (st.slotOf[m]! >= 0) bySlot[st.slotOf[m]!]!.push(m);
    for (const u of left) {
      if (now() > deadline) return improved;
      if (st.slotOf[u]! >= 0) continue;
      const s0 = bestSlot(st, u);
      if (s0 >= 0) {
        st.place(u, s0);
        bySlot[s0]!.push(u);
        improved++;
        gained = true;
        continue;
      }
      const a = mA[u]!;
      const b = mB[u]!;
      let done = false;
      for (let s = 0; s < S && !done; s++) {
        if (!dom[u * S + s] || !st.precedenceOk(u, s)) continue;
        // 1. Move the blockers away.
        const blockers = [st.busy[a * S + s]! - 1, st.busy[b * S + s]! - 1].filter((x, i, arr) => x >= 0 && arr.indexOf(x) === i);
        let ok = true;
        for (const x of blockers) if (hasPrecedences(st, x) || !relocate(st, x, s)) ok = false;
        if (ok && st.needsShared(u, s) && st.load[s]! >= c.cap[s]!) {
          ok = false;
          for (const x of bySlot[s]!) {
            if (st.slotOf[x] !== s || !st.shared[x] || hasPrecedences(st, x)) continue;
            if (relocate(st, x, s)) {
              ok = true;
              break;
            }
          }
        }
        if (ok && st.canPlace(u, s)) {
          st.place(u, s);
          done = true;
          break;
        }
        // 2. Replace lighter meetings: the ones of a and b in s, lighter ones to respect the maximums.
        const out = new Set<number>();
        for (const p of [a, b]) {
          const x = st.busy[p * S + s]! - 1;
          if (x >= 0) out.add(x);
        }
        for (const p of [a, b]) {
          let n = st.count[p]!;
          for (const x of out) if (mA[x] === p || mB[x] === p) n--;
          if (n >= maxMeet[p]!) {
            let lightest = -1;
            for (let k = pmStart[p]!; k < pmStart[p + 1]!; k++) {
              const x = pmList[k]!;
              if (st.slotOf[x]! < 0 || out.has(x)) continue;
              if (lightest < 0 || weight[x]! < weight[lightest]!) lightest = x;
            }
            if (lightest >= 0) out.add(lightest);
          }
        }
        if (st.needsShared(u, s)) {
          let freed = 0;
          for (const x of out) if (st.slotOf[x] === s && st.shared[x]) freed++;
          if (st.load[s]! - freed >= c.cap[s]!) {
            let lightest = -1;
            for (const x of bySlot[s]!) {
              if (st.slotOf[x] !== s || !st.shared[x] || out.has(x)) continue;
              if (lightest < 0 || weight[x]! < weight[lightest]!) lightest = x;
            }
            if (lightest >= 0) out.add(lightest);
          }
        }
        let lost = 0;
        let blocked = false;
        for (const x of out) {
          lost += weight[x]!;
          if (c.succStart[x + 1]! > c.succStart[x]!) blocked = true;
        }
        if (blocked || lost >= weight[u]!) continue;
        const oldSlot = new Map<number, number>();
        for (const x of out) {
          oldSlot.set(x, st.slotOf[x]!);
          st.unplace(x);
        }
        if (st.canPlace(u, s)) {
          st.place(u, s);
          bySlot[s]!.push(u);
          // The replaced meetings may still fit elsewhere.
          for (const x of out) {
            const t = bestSlot(st, x);
            if (t >= 0) {
              st.place(x, t);
              bySlot[t]!.push(x);
            }
          }
          done = true;
        } else {
          for (const [x, t] of oldSlot) st.place(x, t);
        }
      }
      if (done) {
        improved++;
        gained = true;
      }
    }
    if (!gained) return improved;
  }
  return improved;
}

/**
 * Bounds and exact optima from HiGHS (the `highs` package, WebAssembly, loaded asynchronously).
 * Used by the CLI (`--bound`) and the benchmarks; keep it out of the web app and of the solver's
 * hot path. The models, over x[m,s] ∈ {0,1} for the allowed slots s of meeting m:
 *
 * Weight: max Σ w_m x[m,s] subject to Σ_s x[m,s] ≤ 1; for each participant p and slot s,
 *   Σ_{m∋p} x[m,s] ≤ 1; for each slot, the meetings needing a shared location ≤ the shared
 *   locations; Σ_{m∋p,s} x[m,s] ≤ max meetings of p; x[m,s] ≤ Σ_{t<s} x[q,t] for each
 *   predecessor q. Solved as an LP (relaxation: an upper bound) or as a MIP (exact when proved).
 *
 * Breaks: with the weight fixed (every meeting of the given set scheduled), runs of busy slots
 *   per participant-day minus the days they meet, tightened on one-day events by gap-free block
 *   patterns (see breaksBound). HiGHS's dual bound is a lower bound on breaks even when the time
 *   limit stops it.
 */
import type { Highs } from 'highs';
import { compileInstance, type Compiled, type Instance } from './instance';

let loading: Promise<Highs> | null = null;
async function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}

class LpWriter {
  private lines: string[] = [];
  private row = 0;
  add(line: string) {
    this.lines.push(line);
  }
  /** A constraint Σ coef·var (op) rhs, wrapped over lines. */
  constraint(terms: [number, string][], op: '<=' | '>=' | '=', rhs: number) {
    if (!terms.length) return;
    const parts = terms.map(([k, v], i) => `${k < 0 ? '-' : i === 0 ? '' : '+'} ${Math.abs(k) === 1 ? '' : Math.abs(k) + ' '}${v}`);
    const chunks: string[] = [];
    for (let i = 0; i < parts.length; i += 12) chunks.push(parts.slice(i, i + 12).join(' '));
    this.lines.push(` r${this.row++}: ${chunks.join('\n  ')} ${op} ${rhs}`);
  }
  text() {
    return this.lines.join('\n') + '\n';
  }
}

const xv = (m: number, s: number) => `x${m}_${s}`;

function needsShared(c: Compiled, m: number, s: number) {
  if (c.locMode[m] !== 0) return c.locMode[m] === 1;
  return !c.boothAt[c.mA[m]! * c.S + s] && !c.boothAt[c.mB[m]! * c.S + s];
}

/** The assignment constraints shared by both models. `only` limits the meetings considered. */
function assignmentRows(c: Compiled, w: LpWriter, only: Uint8Array | null, exactlyOne: boolean) {
  const { S, M, P, dom, mA, mB } = c;
  const vars: number[][] = Array.from({ length: M }, () => []);
  const byPS = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byP: string[][] = Array.from({ length: P }, () => []);
  /** Meetings fixed to the same shared location: at most one per slot. */
  const byRes = new Map<number, string[]>();
  for (let m = 0; m < M; m++) {
    if (only && !only[m]) continue;
    if (c.staticReason[m] !== null) continue;
    for (let s = 0; s < S; s++) {
      if (!dom[m * S + s]) continue;
      vars[m]!.push(s);
      const v = xv(m, s);
      for (const p of [mA[m]!, mB[m]!]) {
        const k = p * S + s;
        let list = byPS.get(k);
        if (!list) byPS.set(k, (list = []));
        list.push(v);
        byP[p]!.push(v);
      }
      if (needsShared(c, m, s)) bySlot[s]!.push(v);
      const r = c.fixRes[m]!;
      if (r >= 0) {
        let list = byRes.get(r * S + s);
        if (!list) byRes.set(r * S + s, (list = []));
        list.push(v);
      }
    }
  }
  for (let m = 0; m < M; m++) if (vars[m]!.length) w.constraint(vars[m]!.map((s) => [1, xv(m, s)]), exactlyOne ? '=' : '<=', 1);
  for (const list of byPS.values()) if (list.length > 1) w.constraint(list.map((v) => [1, v]), '<=', 1);
  for (const list of byRes.values()) if (list.length > 1) w.constraint(list.map((v) => [1, v]), '<=', 1);
  for (let s = 0; s < S; s++) if (bySlot[s]!.length > c.cap[s]!) w.constraint(bySlot[s]!.map((v) => [1, v]), '<=', c.cap[s]!);
  for (let p = 0; p < P; p++) {
    const distinct = new Set<number>();
    for (let k = c.pmStart[p]!; k < c.pmStart[p + 1]!; k++) distinct.add(c.pmList[k]!);
    if (byP[p]!.length && c.maxMeet[p]! < distinct.size) w.constraint(byP[p]!.map((v) => [1, v]), '<=', c.maxMeet[p]!);
  }
  // Precedence: x[m,s] ≤ Σ_{t<s} x[q,t].
  for (let m = 0; m < M; m++) {
    for (let k = c.predStart[m]!; k < c.predStart[m + 1]!; k++) {
      const q = c.predList[k]!;
      for (const s of vars[m]!) {
        const terms: [number, string][] = [[1, xv(m, s)]];
        for (const t of vars[q]!) if (t < s) terms.push([-1, xv(q, t)]);
        w.constraint(terms, '<=', 0);
      }
    }
  }
  return vars;
}

export interface WeightBound {
  /** Upper bound on the scheduled weight (LP optimum, or the MIP's dual bound). */
  upper: number;
  /** Best weight HiGHS found (MIP only). */
  found: number | null;
  proof: 'highs_lp' | 'highs_mip';
  status: string;
  optimal: boolean;
  timeMs: number;
}

/** An upper bound on the scheduled weight: the LP relaxation, or the MIP (exact when it finishes in time). */
export async function weightBound(inst: Instance, options: { mip?: boolean; timeLimitSec?: number } = {}): Promise<WeightBound> {
  const t0 = Date.now();
  const c = compileInstance(inst);
  const w = new LpWriter();
  const objective: [number, string][] = [];
  const body = new LpWriter();
  const vars = assignmentRows(c, body, null, false);
  vars.forEach((slots, m) => slots.forEach((s) => objective.push([c.weight[m]!, xv(m, s)])));
  if (!objective.length) return { upper: 0, found: 0, proof: options.mip ? 'highs_mip' : 'highs_lp', status: 'empty', optimal: true, timeMs: 0 };
  writeWeightModel(w, objective, body.text(), options.mip ?? false);
  const highs = await loadHighs();
  return highs.withModel({ format: 'lp', data: w.text() }, (model) => {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSec ?? 60 });
    model.run();
    const status = model.getModelStatus();
    const K = highs.constants.modelStatus;
    const optimal = status === K.optimal;
    let upper = Infinity;
    let found: number | null = null;
    if (options.mip) {
      const dual = info(model, 'mip_dual_bound');
      upper = optimal ? model.getObjectiveValue() : Number.isFinite(dual) ? dual : Infinity;
      const primal = info(model, 'mip_primal_bound');
      found = optimal ? model.getObjectiveValue() : Number.isFinite(primal) ? primal : null;
    } else if (optimal) upper = model.getObjectiveValue();
    return { upper, found, proof: options.mip ? ('highs_mip' as const) : ('highs_lp' as const), status: statusName(highs, status), optimal, timeMs: Date.now() - t0 };
  });
}

/**
 * A smaller relaxation of the weight problem, for instances where the slot-indexed LP is too big:
 * one variable per meeting (scheduled or not, 0 ≤ x[m] ≤ 1), with
 * - per participant p: Σ_{m∋p} x[m] ≤ min(max meetings, slots p can use);
 * - per participant p and each distinct slot set D that one of p's meetings is allowed in:
 *   Σ_{m∋p, allowed(m) ⊆ D} x[m] ≤ |D| (Hall's condition: p meets once per slot);
 * - all meetings: Σ x ≤ Σ_s min(shared locations in s + booth owners free in s, ⌊participants free in s / 2⌋);
 * - meetings needing a shared location in every allowed slot: Σ x ≤ Σ_s shared locations in s;
 * - precedence: x[m] ≤ x[q] for each predecessor q.
 * Every schedule satisfies these, so the LP optimum — or, with `mip`, the MIP's dual bound (a valid
 * bound even when the time limit stops HiGHS) — is an upper bound on the scheduled weight.
 */
export async function weightBoundAggregated(inst: Instance, options: { mip?: boolean; timeLimitSec?: number } = {}): Promise<WeightBound> {
  const t0 = Date.now();
  const c = compileInstance(inst);
  const { S, M, P, dom, mA, mB, cap, boothAt } = c;
  const body = new LpWriter();
  const xs: [number, string][] = [];
  const live = new Uint8Array(M);
  for (let m = 0; m < M; m++) if (c.staticReason[m] === null && c.domSize[m]! > 0) live[m] = 1;
  const name = (m: number) => `x${m}`;
  for (let m = 0; m < M; m++) if (live[m]) xs.push([c.weight[m]!, name(m)]);
  if (!xs.length) return { upper: 0, found: 0, proof: options.mip ? 'highs_mip' : 'highs_lp', status: 'empty', optimal: true, timeMs: 0 };
  // Slots each participant can use at all (in some meeting's domain).
  const usable = new Uint8Array(P * S);
  for (let m = 0; m < M; m++) {
    if (!live[m]) continue;
    for (let s = 0; s < S; s++) if (dom[m * S + s]) usable[mA[m]! * S + s] = usable[mB[m]! * S + s] = 1;
  }
  for (let p = 0; p < P; p++) {
    const mine: number[] = [];
    for (let k = c.pmStart[p]!; k < c.pmStart[p + 1]!; k++) if (live[c.pmList[k]!]) mine.push(c.pmList[k]!);
    if (!mine.length) continue;
    let free = 0;
    for (let s = 0; s < S; s++) free += usable[p * S + s]!;
    const limit = Math.min(c.maxMeet[p]!, free);
    if (mine.length > limit) body.constraint(mine.map((m) => [1, name(m)]), '<=', limit);
    // Hall's condition on each distinct domain of p's meetings.
    const domains = new Map<string, number[]>();
    for (const m of mine) {
      const key = Array.from(dom.subarray(m * S, m * S + S)).join('');
      if (!domains.has(key)) domains.set(key, []);
    }
    for (const [key] of domains) {
      const size = [...key].filter((ch) => ch === '1').length;
      if (size >= limit) continue;
      const inside = mine.filter((m) => {
        for (let s = 0; s < S; s++) if (dom[m * S + s] && key[s] !== '1') return false;
        return true;
      });
      if (inside.length > size) body.constraint(inside.map((m) => [1, name(m)]), '<=', size);
    }
  }
  let perSlot = 0;
  let sharedTotal = 0;
  for (let s = 0; s < S; s++) {
    let avail = 0;
    let booths = 0;
    for (let p = 0; p < P; p++) {
      if (!usable[p * S + s]) continue;
      avail++;
      booths += boothAt[p * S + s]!;
    }
    perSlot += Math.min(cap[s]! + booths, Math.floor(avail / 2));
    sharedTotal += cap[s]!;
  }
  if (xs.length > perSlot) body.constraint(xs.map(([, v]) => [1, v]), '<=', perSlot);
  const sharedOnly: [number, string][] = [];
  for (let m = 0; m < M; m++) {
    if (!live[m]) continue;
    let always = true;
    for (let s = 0; s < S && always; s++) if (dom[m * S + s] && !needsShared(c, m, s)) always = false;
    if (always) sharedOnly.push([1, name(m)]);
  }
  if (sharedOnly.length > sharedTotal) body.constraint(sharedOnly, '<=', sharedTotal);
  for (let m = 0; m < M; m++) {
    if (!live[m]) continue;
    for (let k = c.predStart[m]!; k < c.predStart[m + 1]!; k++) {
      const q = c.predList[k]!;
      if (live[q]) body.constraint([[1, name(m)], [-1, name(q)]], '<=', 0);
    }
  }
  const w = new LpWriter();
  writeWeightModel(w, xs, body.text() || ' r0: ' + xs[0]![1] + ' <= 1', options.mip ?? false);
  const highs = await loadHighs();
  return highs.withModel({ format: 'lp', data: w.text() }, (model) => {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSec ?? 60 });
    model.run();
    const status = model.getModelStatus();
    const optimal = status === highs.constants.modelStatus.optimal;
    let upper = Infinity;
    let found: number | null = null;
    if (options.mip) {
      const dual = info(model, 'mip_dual_bound');
      upper = optimal ? model.getObjectiveValue() : Number.isFinite(dual) ? dual : Infinity;
      const primal = info(model, 'mip_primal_bound');
      found = optimal ? model.getObjectiveValue() : Number.isFinite(primal) ? primal : null;
    } else if (optimal) upper = model.getObjectiveValue();
    return { upper, found, proof: options.mip ? ('highs_mip' as const) : ('highs_lp' as const), status: statusName(highs, status), optimal, timeMs: Date.now() - t0 };
  });
}

export interface BreaksBound {
  /** Lower bound on breaks when exactly the given meetings are scheduled. */
  lower: number;
  /** Breaks of the best schedule HiGHS found, if any. */
  found: number | null;
  optimal: boolean;
  status: string;
  timeMs: number;
}

/**
 * Fewest breaks with the given meetings all scheduled (by default every meeting that has an
 * allowed slot): exact when `optimal`, otherwise `lower` is HiGHS's proven lower bound.
 *
 * The model counts runs: y[p,s] = Σ_{m∋p} x[m,s]; z[p,s] ≥ y[p,s] − y[p,s−1] (a run of p starts at
 * s; y before a day's first slot is 0); the breaks of p on day d are Σ_{s∈d} z[p,s] − a[p,d], with
 * a[p,d] ≤ Σ_{s∈d} y[p,s] (p meets that day). On one day, where p's number of meetings k is known,
 * a much tighter relaxation comes from the gap-free patterns: u[p,t] = 1 when p's meetings are
 * exactly the block t … t+k−1 (only blocks free of p's forbidden slots), Σ_t u ≤ 1,
 * y[p,s] ≥ Σ_{t ≤ s < t+k} u[p,t], and runs ≥ 2 − Σ_t u (no block, at least one break). A start
 * (e.g. the heuristic's schedule, `start`: meeting id → slot id) is passed to HiGHS as a MIP start.
 */
export async function breaksBound(inst: Instance, options: { meetings?: readonly string[]; timeLimitSec?: number; start?: ReadonlyMap<string, string> } = {}): Promise<BreaksBound> {
  const t0 = Date.now();
  const c = compileInstance(inst);
  const { S, P, D, dayStart, dayEnd, slotDay } = c;
  const only = new Uint8Array(c.M);
  const mIndex = new Map(inst.meetings.map((m, i) => [m.id, i]));
  if (options.meetings) for (const id of options.meetings) only[mIndex.get(id)!] = 1;
  else only.fill(1);
  const body = new LpWriter();
  const vars = assignmentRows(c, body, only, true);
  const busyTerms: [number, string][][] = Array.from({ length: P * S }, () => []);
  const degree = new Int32Array(P);
  vars.forEach((slots, m) => {
    if (!slots.length) return;
    degree[c.mA[m]!]!++;
    degree[c.mB[m]!]!++;
    for (const s of slots) {
      busyTerms[c.mA[m]! * S + s]!.push([1, xv(m, s)]);
      busyTerms[c.mB[m]! * S + s]!.push([1, xv(m, s)]);
    }
  });
  const forbidden = new Uint8Array(P * S);
  const sIndex = new Map(inst.slots.map((s, i) => [s.id, i]));
  inst.participants.forEach((p, i) => p.forbiddenSlots?.forEach((f) => (forbidden[i * S + sIndex.get(f)!] = 1)));
  const neg = (t: [number, string][]) => t.map(([k, v]) => [-k, v] as [number, string]);
  const objective: [number, string][] = [];
  const cont: string[] = [];
  const blocks: string[] = [];
  let constant = 0;
  const blockVars: { p: number; t: number; k: number; name: string }[] = [];
  for (let p = 0; p < P; p++) {
    const k = degree[p]!;
    if (k < 2) continue;
    for (let d = 0; d < D; d++) {
      const lo = dayStart[d]!;
      const hi = dayEnd[d]!;
      const runs: [number, string][] = [];
      for (let s = lo; s < hi; s++) {
        if (!busyTerms[p * S + s]!.length) continue;
        const z = `z${p}_${s}`;
        cont.push(z);
        runs.push([1, z]);
        objective.push([1, z]);
        // z[p,s] ≥ y[p,s] − y[p,s−1]
        body.constraint([[1, z], ...neg(busyTerms[p * S + s]!), ...(s > lo ? busyTerms[p * S + s - 1]! : [])], '>=', 0);
      }
      if (!runs.length) continue;
      if (D === 1) {
        constant += 1;
        // Gap-free blocks of length k.
        const us: string[] = [];
        const cover: [number, string][][] = Array.from({ length: hi - lo }, () => []);
        for (let t = lo; t + k <= hi; t++) {
          let ok = true;
          for (let s = t; s < t + k && ok; s++) if (forbidden[p * S + s] || !busyTerms[p * S + s]!.length) ok = false;
          if (!ok) continue;
          const u = `u${p}_${t}`;
          us.push(u);
          blocks.push(u);
          blockVars.push({ p, t, k, name: u });
          for (let s = t; s < t + k; s++) cover[s - lo]!.push([1, u]);
        }
        if (us.length) {
          body.constraint(
            us.map((u) => [1, u]),
            '<=',
            1,
          );
          for (let s = lo; s < hi; s++) if (cover[s - lo]!.length) body.constraint([...busyTerms[p * S + s]!, ...neg(cover[s - lo]!)], '>=', 0);
        }
        // runs ≥ 2 − Σu
        body.constraint([...runs, ...us.map((u) => [1, u] as [number, string])], '>=', 2);
      } else {
        const a = `a${p}_${d}`;
        cont.push(a);
        objective.push([-1, a]);
        const dayBusy: [number, string][] = [];
        for (let s = lo; s < hi; s++) dayBusy.push(...busyTerms[p * S + s]!);
        body.constraint([[1, a], ...neg(dayBusy)], '<=', 0);
      }
    }
  }
  const xs: string[] = [];
  vars.forEach((slots, m) => slots.forEach((s) => xs.push(xv(m, s))));
  const w = new LpWriter();
  w.add('Minimize');
  w.add(' obj: ' + (objective.length ? chunked(objective) : '0 ' + (xs[0] ?? 'dummy')));
  w.add('Subject To');
  w.add(body.text());
  w.add('Bounds');
  for (const v of xs) w.add(` 0 <= ${v} <= 1`);
  for (const v of [...cont, ...blocks]) w.add(` 0 <= ${v} <= 1`);
  w.add('Binaries');
  w.add(' ' + [...xs, ...blocks].join('\n '));
  w.add('End');

  // The start, as values of every named column.
  let startValues: Map<string, number> | null = null;
  if (options.start) {
    startValues = new Map();
    const slotsOf: number[][] = Array.from({ length: P }, () => []);
    for (const v of xs) startValues.set(v, 0);
    for (const [mid, sid] of options.start) {
      const m = mIndex.get(mid);
      const s = sIndex.get(sid);
      if (m === undefined || s === undefined || !vars[m]!.includes(s)) continue;
      startValues.set(xv(m, s), 1);
      slotsOf[c.mA[m]!]!.push(s);
      slotsOf[c.mB[m]!]!.push(s);
    }
    for (const b of blockVars) {
      const own = slotsOf[b.p]!;
      startValues.set(b.name, own.length === b.k && own.every((s) => s >= b.t && s < b.t + b.k) ? 1 : 0);
    }
    for (let p = 0; p < P; p++) {
      const set = new Set(slotsOf[p]);
      for (const s of set) if (!set.has(s - 1) || slotDay[s - 1] !== slotDay[s]) startValues.set(`z${p}_${s}`, 1);
      for (let d = 0; d < D; d++) if (D > 1) startValues.set(`a${p}_${d}`, [...set].some((s) => slotDay[s] === d) ? 1 : 0);
    }
  }
  const highs = await loadHighs();
  return highs.withModel({ format: 'lp', data: w.text() }, (model) => {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSec ?? 60 });
    if (startValues) {
      const indices: number[] = [];
      const values: number[] = [];
      for (const [name, value] of startValues) {
        try {
          indices.push(model.getColByName(name));
          values.push(value);
        } catch {
          // a column the LP writer left out (no term): nothing to start
        }
      }
      try {
        model.setSolution({ indices, values });
      } catch {
        // HiGHS rejected the start: solve without it
      }
    }
    model.run();
    const status = model.getModelStatus();
    const K = highs.constants.modelStatus;
    const optimal = status === K.optimal;
    const dual = info(model, 'mip_dual_bound');
    const primal = info(model, 'mip_primal_bound');
    const off = -constant;
    return {
      // Math.max(0, …) also turns a rounded −0 into 0.
      lower: optimal ? Math.max(0, Math.round(model.getObjectiveValue() + off)) : Number.isFinite(dual) ? Math.max(0, Math.ceil(dual + off - 1e-6)) : 0,
      found: optimal ? Math.max(0, Math.round(model.getObjectiveValue() + off)) : Number.isFinite(primal) && primal < 1e20 ? Math.max(0, Math.round(primal + off)) : null,
      optimal,
      status: statusName(highs, status),
      timeMs: Date.now() - t0,
    };
  });
}

function info(model: { info: { get(name: string): number | bigint } }, name: string): number {
  try {
    return Number(model.info.get(name));
  } catch {
    return NaN;
  }
}

function chunked(terms: [number, string][]): string {
  const parts = terms.map(([k, v], i) => `${i === 0 ? '' : '+ '}${k === 1 ? '' : k + ' '}${v}`);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 12) out.push(parts.slice(i, i + 12).join(' '));
  return out.join('\n  ');
}

function statusName(highs: Highs, code: number): string {
  for (const [name, value] of Object.entries(highs.constants.modelStatus)) if (value === code) return name;
  return String(code);
}

/** The rest of a weight model in LP format: maximise Σ w·x over 0–1 variables (binaries for the MIP) subject to `constraints`. */
function writeWeightModel(w: LpWriter, objective: [number, string][], constraints: string, mip: boolean): void {
  w.add('Maximize');
  w.add(' obj: ' + chunked(objective));
  w.add('Subject To');
  w.add(constraints);
  w.add('Bounds');
  for (const [, v] of objective) w.add(` 0 <= ${v} <= 1`);
  if (mip) {
    w.add('Binaries');
    w.add(' ' + objective.map(([, v]) => v).join('\n '));
  }
  w.add('End');
}
